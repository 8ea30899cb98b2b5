package org.bangui.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private final SessionTokens tokens = new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void signedCookieVerifiesToItsToken() {
        String token = tokens.newToken();
        assertThat(tokens.verify(tokens.sign(token))).contains(token);
        assertThat(tokens.newToken()).isNotEqualTo(token).hasSize(43);
        assertThat(tokens.newSessionId()).matches("[0-9a-f]{32}");
    }

    @Test
    void tamperedOrForeignCookiesDoNotVerify() {
        String cookie = tokens.sign(tokens.newToken());
        SessionTokens other = new SessionTokens("another-secret-of-thirty-two-byte".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify(cookie)).isEmpty();
        assertThat(tokens.verify(flip(cookie, 0))).as("token changed").isEmpty();
        assertThat(tokens.verify(flip(cookie, cookie.length() - 2))).as("signature changed").isEmpty();
        assertThat(tokens.verify(cookie + ".x")).isEmpty();
        assertThat(tokens.verify("nodot")).isEmpty();
        assertThat(tokens.verify(".sig")).isEmpty();
        assertThat(tokens.verify("tok.!!!")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("a".repeat(300))).isEmpty();
    }

    @Test
    void tamperingChangesTheCookieEvenWhenItStartsWithTheReplacementCharacter() {
        // the old tampering prepended "A" in place of the first character: a no-op for 1 token in 64
        String cookie = tokens.sign("A" + tokens.newToken().substring(1));
        assertThat(flip(cookie, 0)).isNotEqualTo(cookie).startsWith("B");
        assertThat(tokens.verify(flip(cookie, 0))).isEmpty();
        assertThat(flip("B" + cookie.substring(1), 0)).startsWith("A");
    }

    /** {@code cookie} with the character at {@code index} replaced by a different base64url character. */
    private static String flip(String cookie, int index) {
        char replacement = cookie.charAt(index) == 'A' ? 'B' : 'A';
        return cookie.substring(0, index) + replacement + cookie.substring(index + 1);
    }

    @Test
    void hashIsStableHexSha256() {
        assertThat(SessionTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new SessionTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
