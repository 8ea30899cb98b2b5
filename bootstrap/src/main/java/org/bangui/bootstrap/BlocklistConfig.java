package org.bangui.bootstrap;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocklist settings as typed values, parsed once at start-up (SettingsFactory).
 *
 * @param maxBytes {@code BANGUI_BLOCKLIST_MAX_BYTES}: the largest list accepted, decoded (gzip included)
 * @param allowPrivate {@code BANGUI_BLOCKLIST_ALLOW_PRIVATE}: lists may be fetched from private, loopback and
 *                     link-local addresses (never from the cloud metadata address)
 * @param timeout {@code BANGUI_BLOCKLIST_TIMEOUT}: connect timeout, and the longest wait for the next bytes
 * @param maxDownloadTime {@code BANGUI_BLOCKLIST_MAX_DOWNLOAD_TIME}: the longest a whole download may take
 * @param checkInterval {@code BANGUI_BLOCKLIST_CHECK_INTERVAL}: how often the leader looks for due imports
 */
record BlocklistConfig(long maxBytes, boolean allowPrivate, Duration timeout, Duration maxDownloadTime,
                       Duration checkInterval) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})(B|KB|MB|GB)?");
    private static final long MIN_BYTES = 1024;
    private static final long MAX_BYTES = 4L << 30;

    /** @throws IllegalArgumentException naming the setting whose value is malformed */
    static BlocklistConfig from(String maxBytes, String allowPrivate, String timeout, String maxDownloadTime,
                                String checkInterval) {
        return new BlocklistConfig(size("bangui.blocklist.max-bytes", maxBytes),
                SettingValues.bool("bangui.blocklist.allow-private", allowPrivate),
                SettingValues.duration("bangui.blocklist.timeout", timeout),
                SettingValues.duration("bangui.blocklist.max-download-time", maxDownloadTime),
                SettingValues.duration("bangui.blocklist.check-interval", checkInterval));
    }

    /** {@code 64MB}, {@code 512KB}, {@code 1GB} or a number of bytes; 1KB to 4GB. */
    static long size(String setting, String value) {
        Matcher m = value == null ? null : SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not a size such as 64MB or 512KB");
        }
        long amount = Long.parseLong(m.group(1));
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (amount > MAX_BYTES / unit || amount * unit < MIN_BYTES || amount * unit > MAX_BYTES) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is outside 1KB-4GB");
        }
        return amount * unit;
    }
}
