package org.bangui.domain.blocklist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.shared.InvalidInputException;

/**
 * The administrator's settings of a source: a unique name, the list's URL, the jail it is mirrored into, whether
 * it is imported on its schedule, and the schedule.
 *
 * <p>The name is 1-64 characters of letters, digits, space, {@code . _ -}; the URL an absolute http(s) URL of
 * at most {@link #MAX_URL_LENGTH} characters without user info (credentials would be shown by the API and
 * logged). Whether its host may be reached is checked at download time, on the address actually connected to.
 */
public record SourceSettings(String name, URI url, JailName jail, boolean enabled, BlocklistSchedule schedule) {

    /** The longest URL accepted. */
    public static final int MAX_URL_LENGTH = 2000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    /** @throws InvalidInputException with code {@code invalid_name} or {@code invalid_url} */
    public SourceSettings {
        Objects.requireNonNull(jail, "jail");
        Objects.requireNonNull(schedule, "schedule");
        if (name == null || !NAME.matcher(name).matches() || name.endsWith(" ")) {
            throw new InvalidInputException("invalid_name", "a name is 1-64 letters, digits, spaces, '.', '_' or "
                    + "'-', starting with a letter or digit and not ending with a space");
        }
        Objects.requireNonNull(url, "url");
        checkUrl(url);
    }

    /**
     * Parses a URL as the API receives it.
     *
     * @throws InvalidInputException with code {@code invalid_url}
     */
    public static URI parseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw invalidUrl("a url is required");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw invalidUrl("the url is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalidUrl("the url must be printable ASCII without spaces (percent-encode the rest)");
        }
        try {
            URI uri = new URI(text);
            checkUrl(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw invalidUrl("not a valid URL");
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl("only http and https URLs are accepted");
        }
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getHost().isEmpty()) {
            throw invalidUrl("the url needs a host");
        }
        if (url.getPort() != -1 && (url.getPort() < 1 || url.getPort() > 65_535)) {
            throw invalidUrl("the port must be between 1 and 65535");
        }
        if (url.getRawUserInfo() != null) {
            throw invalidUrl("credentials in the url are not accepted");
        }
        if (url.getRawFragment() != null) {
            throw invalidUrl("the url must not have a fragment");
        }
        if (url.toString().length() > MAX_URL_LENGTH) {
            throw invalidUrl("the url is longer than " + MAX_URL_LENGTH + " characters");
        }
    }

    private static InvalidInputException invalidUrl(String message) {
        return new InvalidInputException("invalid_url", message);
    }
}
