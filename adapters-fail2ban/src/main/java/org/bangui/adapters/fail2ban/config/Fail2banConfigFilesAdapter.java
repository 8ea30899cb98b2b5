package org.bangui.adapters.fail2ban.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigFilesPort;
import org.bangui.domain.config.ConfigUnreadableException;
import org.bangui.domain.config.FileChange;
import org.bangui.domain.shared.InvalidInputException;

/** Writes fail2ban's {@code .local} files below the config dir, atomically and changing only edited lines. */
public final class Fail2banConfigFilesAdapter implements ConfigFilesPort {

    private final AtomicFiles files;

    /** @param configDir fail2ban's configuration directory ({@code /etc/fail2ban}) */
    public Fail2banConfigFilesAdapter(Path configDir) {
        this.files = new AtomicFiles(Objects.requireNonNull(configDir, "configDir"));
    }

    // one writer at a time: two edits of one file must not both start from the same bytes
    @Override
    public synchronized FileChange apply(ConfigEdit edit) {
        Optional<byte[]> before = read(edit.file());
        String text = decode(before.orElse(new byte[0]));
        String edited = LocalFileEditor.edit(text, edit.section(), edit.changes());
        Optional<byte[]> after = Optional.of(edited.getBytes(StandardCharsets.UTF_8));
        if (!AtomicFiles.same(before, after)) {
            store(edit.file(), after);
        }
        return new FileChange(edit.file(), before, after);
    }

    @Override
    public synchronized FileChange write(ConfigFile file, Optional<byte[]> content) {
        Objects.requireNonNull(content, "content");
        if (!file.isLocal()) {
            throw new InvalidInputException("invalid_file", "only .local files are written");
        }
        Optional<byte[]> before = read(file);
        Optional<byte[]> after = content.map(byte[]::clone);
        store(file, after);
        return new FileChange(file, before, after);
    }

    @Override
    public Optional<byte[]> read(ConfigFile file) {
        try {
            return files.read(file);
        } catch (IOException e) {
            throw new ConfigUnreadableException("cannot read " + file.path(), e);
        }
    }

    private void store(ConfigFile file, Optional<byte[]> content) {
        try {
            files.write(file, content);
        } catch (IOException e) {
            throw new ConfigUnreadableException("cannot write " + file.path(), e);
        }
    }

    /** fail2ban reads its files as UTF-8 and skips a file that is not; such a file is not edited either. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file_not_utf8", "the file is not UTF-8 text; fail2ban skips it: fix it by "
                    + "hand");
        }
    }
}
