package org.bangui.domain.shared;

import java.util.Objects;

/**
 * Base of every failure the domain and its ports report. Each failure carries a stable machine-readable
 * {@link #code()} and a {@link Category} that tells callers what kind of failure it is, without saying
 * how a particular protocol renders it.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, independent of any transport. */
    public enum Category {
        /** The caller sent something that can never be valid. */
        INVALID_INPUT,
        /** The thing the caller named does not exist. */
        NOT_FOUND,
        /** The request is well formed but names something that does not exist (a jail in a request body). */
        UNPROCESSABLE,
        /** The request is well formed but conflicts with the current state or configuration. */
        CONFLICT,
        /** A dependency (fail2ban, the database) cannot be reached right now. */
        UNAVAILABLE,
        /** A dependency was reached but failed to do what was asked (a fail2ban reload that left a jail down). */
        BAD_GATEWAY,
        /** The caller has not proven who it is, or its proof is no longer valid. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (missing CSRF token, setup not done). */
        FORBIDDEN,
        /** The caller sent too many requests; it may retry later. */
        RATE_LIMITED
    }

    private final String code;
    private final Category category;

    protected DomainException(String code, Category category, String message) {
        this(code, category, message, null);
    }

    protected DomainException(String code, Category category, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.category = Objects.requireNonNull(category, "category");
    }

    /** A stable, lower-case identifier of this failure, safe to show to API clients. */
    public String code() {
        return code;
    }

    /** The kind of failure. */
    public Category category() {
        return category;
    }
}
