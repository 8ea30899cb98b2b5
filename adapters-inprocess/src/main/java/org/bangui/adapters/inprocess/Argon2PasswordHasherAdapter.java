package org.bangui.adapters.inprocess;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.bangui.domain.setup.PasswordHasherPort;

/**
 * Argon2id through password4j with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). The hash
 * string records its parameters, so stronger settings later still verify old hashes.
 */
public final class Argon2PasswordHasherAdapter implements PasswordHasherPort {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int OUTPUT_BYTES = 32;

    private final Argon2Function argon2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        if (!hash.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException unreadableHash) {
            return false;
        }
    }
}
