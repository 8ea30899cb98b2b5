package org.bangui.domain.jail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bangui.domain.shared.InvalidInputException;

/**
 * How long a ban lasts: a positive number of seconds, or permanent. fail2ban encodes permanent as -1.
 *
 * @param seconds positive seconds, or {@code -1} for permanent
 */
public record BanDuration(long seconds) {

    private static final long PERMANENT = -1;

    /** @throws InvalidInputException unless {@code seconds} is positive or -1 */
    public BanDuration {
        if (seconds != PERMANENT && seconds <= 0) {
            throw new InvalidInputException("invalid_duration", "a ban lasts a positive number of seconds or forever");
        }
    }

    /** A ban that never expires. */
    public static BanDuration permanent() {
        return new BanDuration(PERMANENT);
    }

    /**
     * A ban of fixed length.
     *
     * @throws InvalidInputException if the duration is not positive
     */
    public static BanDuration of(Duration duration) {
        return new BanDuration(duration.getSeconds());
    }

    /** fail2ban's encoding: any negative value means permanent. */
    public static BanDuration ofFail2banSeconds(long seconds) {
        return seconds < 0 ? permanent() : new BanDuration(seconds);
    }

    /** True if the ban never expires. */
    public boolean isPermanent() {
        return seconds == PERMANENT;
    }

    /** When a ban that started at {@code start} ends; empty for permanent bans. */
    public Optional<Instant> endOf(Instant start) {
        return isPermanent() ? Optional.empty() : Optional.of(start.plusSeconds(seconds));
    }
}
