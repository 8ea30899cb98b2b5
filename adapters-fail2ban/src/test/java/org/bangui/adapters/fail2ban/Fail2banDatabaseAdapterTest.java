package org.bangui.adapters.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bangui.adapters.fail2ban.testing.Fail2banDatabaseFile;
import org.bangui.domain.history.Fail2banDatabase;
import org.bangui.domain.history.Fail2banDatabaseUnavailableException;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding fail2ban's database file on a real SQLite file in fail2ban's schema. */
class Fail2banDatabaseAdapterTest {

    @TempDir
    Path dir;

    @Test
    void theLastPathFail2banReportedIsReadWhileFail2banDoesNotAnswer() throws Exception {
        Fail2banDatabaseFile file = Fail2banDatabaseFile.create(dir.resolve("fail2ban.sqlite3"));
        file.ban("sshd", "203.0.113.5", 1_795_237_200L, 600);
        AtomicBoolean down = new AtomicBoolean(true);
        ServerPort server = new ServerPort() {
            @Override
            public void ping() {
            }

            @Override
            public String version() {
                return "1.0.2";
            }

            @Override
            public ServerDatabase database() {
                if (down.get()) {
                    throw new ServerUnavailableException("fail2ban does not answer", null);
                }
                return new ServerDatabase(Optional.of(file.file().toString()), Optional.of(Duration.ofDays(1)));
            }
        };
        Fail2banDatabaseAdapter adapter = new Fail2banDatabaseAdapter(Optional.empty(), server, 1000);

        assertThatThrownBy(adapter::open).isInstanceOf(Fail2banDatabaseUnavailableException.class)
                .extracting(e -> ((Fail2banDatabaseUnavailableException) e).reason())
                .isEqualTo("fail2ban_unavailable");
        down.set(false);
        try (Fail2banDatabase db = adapter.open()) {
            assertThat(db.bansAfter(0, 10)).hasSize(1);
        }
        down.set(true);
        try (Fail2banDatabase db = adapter.open()) {
            assertThat(db.bansAfter(0, 10)).as("read from the path fail2ban reported before").hasSize(1);
        }
    }
}
