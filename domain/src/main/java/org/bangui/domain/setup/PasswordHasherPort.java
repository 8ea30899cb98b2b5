package org.bangui.domain.setup;

/** Hashes and verifies passwords with a slow, salted, maintained algorithm. */
public interface PasswordHasherPort {

    /** A self-describing hash string of {@code password}, with a fresh random salt. */
    String hash(String password);

    /** True if {@code password} matches {@code hash}; false for a wrong password or an unreadable hash. */
    boolean verify(String password, String hash);
}
