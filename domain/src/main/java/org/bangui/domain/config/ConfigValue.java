package org.bangui.domain.config;

import java.util.Objects;

/**
 * One key's winning definition: its raw value as written (continuation lines joined with {@code \n}, no
 * interpolation), and where it is written.
 *
 * @param value the raw value
 * @param file the file whose definition wins
 * @param section the section it is written in ({@code DEFAULT} for an inherited value, {@code Init} for a filter
 *                or action parameter)
 * @param line the 1-based line of the key in {@code file}
 */
public record ConfigValue(String value, ConfigFile file, String section, int line) {

    public ConfigValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
    }
}
