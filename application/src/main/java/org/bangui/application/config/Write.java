package org.bangui.application.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bangui.domain.config.ConfigEdit;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigFilesPort;
import org.bangui.domain.config.FileChange;

/** One planned write of a change: an edit of some keys, or a whole file (created, restored or deleted). */
interface Write {

    /** Carries the write out. */
    FileChange apply(ConfigFilesPort files);

    static Write edit(ConfigEdit edit) {
        return files -> files.apply(edit);
    }

    /** A whole file's bytes, or its deletion when empty. */
    static Write replace(ConfigFile file, Optional<byte[]> content) {
        return files -> files.write(file, content);
    }

    /**
     * A new file; refused with 409 when the file exists already (it may hold another section that must not be
     * overwritten). Checked when planned and again when written.
     */
    static Write create(ConfigFile file, ConfigFilesPort files, String text) {
        if (files.read(file).isPresent()) {
            throw new FileExistsException(file);
        }
        return port -> {
            if (port.read(file).isPresent()) {
                throw new FileExistsException(file);
            }
            return port.write(file, Optional.of(text.getBytes(StandardCharsets.UTF_8)));
        };
    }
}
