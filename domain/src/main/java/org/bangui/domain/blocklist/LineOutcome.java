package org.bangui.domain.blocklist;

/** What one blocklist line turned out to be; the rejections carry the phrase shown to users. */
enum LineOutcome {
    ADDED(null),
    DUPLICATE(null),
    NOT_AN_ADDRESS("not an IP address or network"),
    BAD_PREFIX("not a valid prefix length"),
    PREFIX_OUT_OF_RANGE("prefix length out of range"),
    MAPPED_TOO_WIDE("IPv4-mapped network shorter than /96"),
    ZONE_ID("zone ids are not allowed"),
    NOT_ASCII("non-ASCII or control character"),
    EMPTY_ENTRY("no entry before the comma"),
    TOO_LONG("line too long");

    private final String reason;

    LineOutcome(String reason) {
        this.reason = reason;
    }

    /** The phrase for a rejection, null for {@link #ADDED} and {@link #DUPLICATE}. */
    String reason() {
        return reason;
    }
}
