package org.bangui.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {

    private static final String TOKEN = "scrape-token-0123456789abcdef0123";

    @Test
    void admitsOnlyTheExactBearerToken() {
        MetricsToken token = new MetricsToken(Optional.of(TOKEN));
        assertThat(token.admits("Bearer " + TOKEN)).isTrue();
        assertThat(token.admits("bearer " + TOKEN)).isTrue();
        assertThat(token.admits("Bearer " + TOKEN + "x")).isFalse();
        assertThat(token.admits("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(token.admits("Bearer  " + TOKEN)).isFalse();
        assertThat(token.admits("Basic " + TOKEN)).isFalse();
        assertThat(token.admits(TOKEN)).isFalse();
        assertThat(token.admits("Bearer ")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    void admitsNobodyWithoutAConfiguredToken() {
        MetricsToken none = new MetricsToken(Optional.empty());
        assertThat(none.admits("Bearer ")).isFalse();
        assertThat(none.admits("Bearer " + TOKEN)).isFalse();
        assertThat(none.admits(null)).isFalse();
        assertThat(none.toString()).doesNotContain(TOKEN);
        assertThat(new MetricsToken(Optional.of(TOKEN)).toString()).doesNotContain(TOKEN);
    }

    @Test
    void theManagementPortNeedsNoTokenAndNoOtherPortIsOpenedByIt() {
        MetricsToken token = new MetricsToken(Optional.of(TOKEN), OptionalInt.of(9090));
        assertThat(token.admits(null, 9090)).isTrue();
        assertThat(token.admits(null, 8080)).isFalse();
        assertThat(token.admits("Bearer " + TOKEN, 8080)).isTrue();
        MetricsToken withoutPort = new MetricsToken(Optional.empty(), OptionalInt.empty());
        assertThat(withoutPort.admits(null, 9090)).isFalse();
        assertThat(withoutPort.admits("Bearer " + TOKEN, 9090)).isFalse();
    }
}
