package org.bangui.domain.jail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JailNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "a..b", "../etc", "a/b", "a b", "sshd\n", "-sshd", ".hidden", "ssh;rm",
        "<F2B_END_COMMAND>", "jail$", "naïve"})
    void rejectsNamesOutsideTheAllowList(String name) {
        assertThatThrownBy(() -> JailName.of(name)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsNullAndOverlongNames() {
        assertThatThrownBy(() -> JailName.of(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JailName.of("a".repeat(65))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsUsualJailNames() {
        for (String name : new String[] {"sshd", "nginx-http-auth", "apache_auth", "recidive", "x.y", "a".repeat(64)}) {
            assertThat(JailName.of(name).value()).isEqualTo(name);
        }
    }
}
