package org.bangui.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Redis URLs are checked strictly, and neither their text nor their errors show the password. */
class RedisUrlTest {

    @Test
    void showsNoUserOrPassword() {
        assertThat(RedisUrl.parse("bangui.redis.url", "rediss://user:hunter2@redis.example.org:6380/2"))
                .hasToString("rediss://***@redis.example.org:6380/2");
        assertThat(RedisUrl.parse("bangui.redis.url", "redis://127.0.0.1")).hasToString("redis://127.0.0.1");
    }

    @Test
    void refusesWhatIsNotARedisUrlWithoutEchoingIt() {
        for (String bad : new String[] {"http://:hunter2@host", "redis://:hunter2@", "redis://:hunter2@host/db",
                "redis://:hunter2@host?x=1", "redis ://:hunter2@host", "", "  "}) {
            assertThatThrownBy(() -> RedisUrl.parse("bangui.redis.url", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("bangui.redis.url: ")
                    .message().doesNotContain("hunter2");
        }
        assertThatThrownBy(() -> RedisUrl.parse("bangui.redis.url", null)).hasMessageContaining("required");
    }
}
