package org.bangui.adapters.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.history.HistoryPosition;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The opaque {@code cursor} of history pages: the position (bannedAt, id) of the last entry of the previous page,
 * base64url-encoded. Anything that is not exactly such a text is refused with {@code invalid_cursor}.
 */
final class HistoryCursor {

    private static final Pattern FORMAT = Pattern.compile("h1:(\\d{1,15}):(\\d{1,18})");

    private HistoryCursor() {
    }

    static String encode(HistoryPosition position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("h1:" + position.bannedAt().toEpochMilli() + ":" + position.id()).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<HistoryPosition> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (cursor.length() <= 64) {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                Matcher matcher = FORMAT.matcher(text);
                if (matcher.matches()) {
                    Instant bannedAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
                    long id = Long.parseLong(matcher.group(2));
                    if (id > 0 && !bannedAt.isAfter(TimeParameters.MAX)) {
                        return Optional.of(new HistoryPosition(bannedAt, id));
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal
        }
        throw new InvalidInputException("invalid_cursor", "the cursor is not one this API returned");
    }
}
