package org.bangui.domain.blocklist;

import org.bangui.domain.shared.DomainException;

/**
 * A download failed. The {@link #code()} says why, for the import log and the {@code blocklist_download_refused}
 * event: {@code destination_refused} (a private, loopback, metadata ... address, at any redirect hop),
 * {@code unsupported_scheme}, {@code too_many_redirects}, {@code too_large}, {@code timeout},
 * {@code http_status} (any answer but 200 and 304), {@code unresolvable_host}, {@code connection_failed},
 * {@code bad_encoding}, {@code read_failed}. The message is printable and names no local path; it may name
 * the refused address.
 */
public final class BlocklistDownloadException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BlocklistDownloadException(String code, String message) {
        super(code, Category.UNAVAILABLE, message);
    }

    public BlocklistDownloadException(String code, String message, Throwable cause) {
        super(code, Category.UNAVAILABLE, message, cause);
    }

    /** True for a destination the policy refused, as opposed to a network or server failure. */
    public boolean refused() {
        return code().equals("destination_refused") || code().equals("unsupported_scheme");
    }
}
