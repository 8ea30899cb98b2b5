package org.bangui.application.config;

import java.util.Map;

/** The text of a {@code .local} file BanGUI creates: its mark, one section, one key per line. */
final class LocalText {

    private LocalText() {
    }

    /**
     * A file with {@link ConfigService#CREATED_MARK} and one section; multi-line values continue on lines
     * indented by four spaces, as fail2ban's own files do.
     */
    static String file(String section, Map<String, String> values) {
        StringBuilder text = new StringBuilder(ConfigService.CREATED_MARK)
                .append(". Edit it through BanGUI, or by hand with care.\n\n[").append(section).append("]\n");
        values.forEach((key, value) -> text.append(key).append(" = ")
                .append(value.replace("\n", "\n    ")).append('\n'));
        return text.toString();
    }
}
