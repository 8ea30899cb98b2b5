package org.bangui.domain.history;

import java.time.Duration;
import java.util.Locale;
import org.bangui.domain.shared.InvalidInputException;

/** The width of one point of the statistics' timeline; buckets start at whole UTC hours or days. */
public enum StatsBucket {
    /** One UTC hour. */
    HOUR(Duration.ofHours(1)),
    /** One UTC day. */
    DAY(Duration.ofDays(1));

    private final Duration width;

    StatsBucket(Duration width) {
        this.width = width;
    }

    /** The bucket's width. */
    public Duration width() {
        return width;
    }

    /** The lower-case code used in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException {@code invalid_bucket} for anything but {@code hour} or {@code day} */
    public static StatsBucket fromCode(String code) {
        for (StatsBucket bucket : values()) {
            if (bucket.code().equals(code)) {
                return bucket;
            }
        }
        throw new InvalidInputException("invalid_bucket", "bucket must be hour or day");
    }
}
