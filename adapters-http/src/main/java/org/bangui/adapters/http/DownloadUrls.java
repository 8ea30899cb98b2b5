package org.bangui.adapters.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.bangui.domain.blocklist.BlocklistDownloadException;

/** The URL of each hop: checked for scheme and form before any connection, redirects resolved. */
final class DownloadUrls {

    private DownloadUrls() {
    }

    /** The URL if its scheme is http or https and it names a host (the address is checked on connecting). */
    static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlocklistDownloadException("unsupported_scheme",
                    "only http and https URLs are downloaded, not '" + Printable.of(scheme) + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new BlocklistDownloadException("destination_refused", "URLs with user info are refused");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new BlocklistDownloadException("unresolvable_host", "the URL names no host");
        }
        if (url.getPort() != -1 && (url.getPort() < 1 || url.getPort() > 65_535)) {
            throw new BlocklistDownloadException("destination_refused", "the port " + url.getPort()
                    + " is outside 1-65535");
        }
        return url;
    }

    /** Where a redirect points, resolved against the URL that answered it; not yet checked. */
    static URI location(URI current, ClassicHttpResponse response) {
        Header location = response.getFirstHeader("Location");
        String status = "the server answered " + response.getCode();
        if (location == null || location.getValue().isBlank()) {
            throw new BlocklistDownloadException("http_status", status + " without a Location");
        }
        try {
            return current.resolve(new URI(location.getValue().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new BlocklistDownloadException("http_status", status + " with an invalid Location");
        }
    }
}
