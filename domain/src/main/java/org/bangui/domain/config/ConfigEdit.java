package org.bangui.domain.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keys to change in one section of one {@code .local} file. A key mapped to a value is set (added at the end of
 * the section, or its existing definition replaced in place); a key mapped to {@code null} is removed. The
 * section and the file are created when missing. Values are validated before an edit is built: single-line
 * values carry no line break, multi-line values ({@code failregex}, {@code logpath}, ...) one entry per
 * {@code \n}-separated line.
 *
 * @param file the {@code .local} file
 * @param section the section ({@code sshd}, {@code Definition}, {@code Init}, {@code DEFAULT})
 * @param changes lower-case keys to new values, {@code null} to remove; in the order given
 */
public record ConfigEdit(ConfigFile file, String section, Map<String, String> changes) {

    public ConfigEdit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
        if (!file.isLocal()) {
            throw new IllegalArgumentException("only .local files are written");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
