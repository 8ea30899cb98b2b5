package org.bangui.adapters.persistence;

import java.util.Optional;
import org.bangui.domain.setup.SetupTokenPort;

/**
 * {@link SetupTokenPort}: the token given by the operator ({@code BANGUI_SETUP_TOKEN}), else the one in the
 * 0600 file {@code setup-token} beside the database. The file is deleted once setup succeeds.
 */
public final class FileSetupTokenAdapter implements SetupTokenPort {

    private final Optional<String> configured;
    private final SecretFile file;
    private volatile boolean used;

    public FileSetupTokenAdapter(Optional<String> configured, SecretFile file) {
        this.configured = configured.filter(token -> !token.isBlank());
        this.file = file;
    }

    @Override
    public Optional<String> token() {
        if (used) {
            return Optional.empty();
        }
        return configured.isPresent() ? configured : file.read().filter(token -> !token.isEmpty());
    }

    @Override
    public void discard() {
        used = true;
        file.delete();
    }
}
