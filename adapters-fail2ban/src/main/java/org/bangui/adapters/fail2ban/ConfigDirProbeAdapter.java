package org.bangui.adapters.fail2ban;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;

/** Probes that the fail2ban configuration directory exists, is readable and holds a jail configuration. */
public final class ConfigDirProbeAdapter implements ComponentProbePort {

    private volatile Path configDir;

    public ConfigDirProbeAdapter(Path configDir) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
    }

    /** Probes another directory from now on. */
    public void retarget(Path newConfigDir) {
        this.configDir = Objects.requireNonNull(newConfigDir, "newConfigDir");
    }

    @Override
    public String component() {
        return "config_dir";
    }

    @Override
    public ProbeResult probe() {
        // the probe is public: no path in its detail
        if (!Files.isDirectory(configDir)) {
            return ProbeResult.down("not a directory");
        }
        if (!Files.isReadable(configDir)) {
            return ProbeResult.down("not readable");
        }
        if (!Files.isReadable(configDir.resolve("jail.conf")) && !Files.isReadable(configDir.resolve("jail.local"))) {
            return ProbeResult.down("holds neither jail.conf nor jail.local");
        }
        return ProbeResult.up("readable");
    }
}
