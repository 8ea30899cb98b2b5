package org.bangui.domain.config;

import java.util.Locale;

/** The three families of fail2ban configuration that BanGUI reads and edits, each with its own directory. */
public enum ConfigKind {
    JAIL("jail.d"),
    FILTER("filter.d"),
    ACTION("action.d");

    private final String directory;

    ConfigKind(String directory) {
        this.directory = directory;
    }

    /** The directory below the config dir that holds this family's drop-in files. */
    public String directory() {
        return directory;
    }

    /** The {@code .local} file BanGUI writes for {@code name} when no existing {@code .local} wins. */
    public ConfigFile ownFile(ConfigName name) {
        return ConfigFile.of(directory + "/" + name.value() + ".local");
    }

    /** Lower-case name, as used in problem codes and audit targets. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
