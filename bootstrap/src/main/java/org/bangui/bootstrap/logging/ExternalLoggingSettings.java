package org.bangui.bootstrap.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code BANGUI_EXTERNAL_LOGGING*} settings, parsed strictly from the environment: a wrong value stops the
 * start with the setting's name.
 *
 * @param mode where the lines go
 * @param host the receiver's host name or address
 * @param port the receiver's port
 * @param protocol how they travel
 * @param required whether start-up fails when the receiver cannot be reached
 */
public record ExternalLoggingSettings(Mode mode, String host, int port, Protocol protocol, boolean required) {

    /** The receiver's kind. */
    public enum Mode {
        /** RFC 5424 lines; over TCP and TLS framed by octet counting (RFC 6587). */
        SYSLOG(514),
        /** GELF 1.1 JSON messages (Graylog). */
        GELF(12201);

        private final int defaultPort;

        Mode(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    /** The transport. */
    public enum Protocol { UDP, TCP, TLS }

    static final String MODE = "BANGUI_EXTERNAL_LOGGING";
    static final String HOST = "BANGUI_EXTERNAL_LOGGING_HOST";
    static final String PORT = "BANGUI_EXTERNAL_LOGGING_PORT";
    static final String PROTOCOL = "BANGUI_EXTERNAL_LOGGING_PROTOCOL";
    static final String REQUIRED = "BANGUI_EXTERNAL_LOGGING_REQUIRED";

    /**
     * The settings in {@code env}; empty when {@code BANGUI_EXTERNAL_LOGGING} is unset, empty or {@code off}.
     *
     * @throws IllegalArgumentException naming the setting whose value is wrong
     */
    public static Optional<ExternalLoggingSettings> fromEnvironment(Map<String, String> env) {
        String mode = value(env, MODE);
        if (mode == null || mode.equals("off")) {
            return Optional.empty();
        }
        Mode parsedMode = switch (mode) {
            case "syslog" -> Mode.SYSLOG;
            case "gelf" -> Mode.GELF;
            default -> throw invalid(MODE, mode, "is not off, syslog or gelf");
        };
        String host = value(env, HOST);
        if (host == null) {
            throw new IllegalArgumentException(HOST + ": must be set when " + MODE + " is " + mode);
        }
        if (!host.matches("[A-Za-z0-9.:_-]{1,253}")) {
            throw invalid(HOST, host, "is not a host name or address");
        }
        String protocol = value(env, PROTOCOL);
        Protocol parsedProtocol = switch (protocol == null ? "udp" : protocol) {
            case "udp" -> Protocol.UDP;
            case "tcp" -> Protocol.TCP;
            case "tls" -> Protocol.TLS;
            default -> throw invalid(PROTOCOL, protocol, "is not udp, tcp or tls");
        };
        String port = value(env, PORT);
        int parsedPort = parsedMode.defaultPort;
        if (port != null) {
            parsedPort = port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0;
            if (parsedPort < 1 || parsedPort > 65535) {
                throw invalid(PORT, port, "is not a port number from 1 to 65535");
            }
        }
        String required = value(env, REQUIRED);
        if (required != null && !required.equals("true") && !required.equals("false")) {
            throw invalid(REQUIRED, required, "is neither true nor false");
        }
        return Optional.of(new ExternalLoggingSettings(parsedMode, host, parsedPort, parsedProtocol,
                "true".equals(required)));
    }

    /** {@code gelf over tcp}, for messages. */
    public String describe() {
        return mode.name().toLowerCase(Locale.ROOT) + " over " + protocol.name().toLowerCase(Locale.ROOT);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static IllegalArgumentException invalid(String setting, String value, String problem) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return new IllegalArgumentException(setting + ": '" + shown.replace('"', '\'').replace('\n', ' ') + "' "
                + problem);
    }
}
