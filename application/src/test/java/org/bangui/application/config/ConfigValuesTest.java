package org.bangui.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static final Predicate<String> KNOWN = Set.of("port", "known/failregex", "__name__")::contains;

    @Test
    void durationsIntegersAndBooleansAreCheckedPerKeyAndNeverAsExpressions() {
        assertThat(ConfigValues.value("bantime", "1h", KNOWN)).isEqualTo("1h");
        assertThat(ConfigValues.value("bantime", "-1", KNOWN)).isEqualTo("-1");
        assertThat(ConfigValues.value("findtime", "1d 2h", KNOWN)).isEqualTo("1d 2h");
        assertThat(ConfigValues.value("maxretry", " 5 ", KNOWN)).isEqualTo("5");
        for (String bad : new String[] {"10 + 1", "60*60", "__import__('os')", "1e9", "-5"}) {
            assertThatThrownBy(() -> ConfigValues.value("bantime", bad, KNOWN)).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("format");
        }
        assertThatThrownBy(() -> ConfigValues.value("enabled", "maybe", KNOWN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ConfigValues.key(ConfigKind.JAIL, "bantime.formula"))
                .hasMessageContaining("code");
    }

    @Test
    void singleLineKeysRefuseLineBreaksAndMultiLineKeysRefuseLinesThatWouldNotReadBack() {
        assertThatThrownBy(() -> ConfigValues.value("maxretry", "5\n[sshd]", KNOWN))
                .isInstanceOf(InvalidInputException.class);
        assertThat(ConfigValues.value("failregex", "  ^a <HOST>$ \n\n ^b <HOST>$", KNOWN))
                .isEqualTo("^a <HOST>$\n^b <HOST>$");
        for (String bad : new String[] {"^a <HOST>\n[INCLUDES]", "^a <HOST>\n# not a regex", "^a\u0000<HOST>",
            "^a <HOST> ;comment"}) {
            assertThatThrownBy(() -> ConfigValues.value("failregex", bad, KNOWN)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void percentSignsAreLiteralOnlyWhenDoubledAndReferencesMustNameKnownKeys() {
        assertThat(ConfigValues.value("action", "%(port)s and 100%%", KNOWN)).isEqualTo("%(port)s and 100%%");
        assertThat(ConfigValues.value("failregex", "%(known/failregex)s", KNOWN)).isEqualTo("%(known/failregex)s");
        assertThatThrownBy(() -> ConfigValues.value("action", "%(nope)s", KNOWN)).hasMessageContaining("nope");
        assertThatThrownBy(() -> ConfigValues.value("action", "100%", KNOWN)).hasMessageContaining("'%'");
        assertThatThrownBy(() -> ConfigValues.value("action", "%(port)d", KNOWN)).hasMessageContaining("'%'");
    }

    @Test
    void keysAreLowerCaseAllowListedAndInitKeysOnlyForFiltersAndActions() {
        assertThat(ConfigValues.key(ConfigKind.FILTER, "init/maxlines")).isEqualTo("init/maxlines");
        assertThatThrownBy(() -> ConfigValues.key(ConfigKind.JAIL, "init/maxlines"))
                .isInstanceOf(InvalidInputException.class);
        for (String bad : new String[] {"MaxRetry", "a b", "x=y", "[x]", "", "k".repeat(70)}) {
            assertThatThrownBy(() -> ConfigValues.key(ConfigKind.JAIL, bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
