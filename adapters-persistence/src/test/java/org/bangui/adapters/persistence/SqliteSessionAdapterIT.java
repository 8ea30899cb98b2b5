package org.bangui.adapters.persistence;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bangui.domain.contract.SessionPortContract;
import org.bangui.domain.session.SessionPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SQLite session store keeps the contract: a context with only the persistence beans on a real file,
 * without a test transaction, so reads run on plain connections as they do in production.
 */
class SqliteSessionAdapterIT extends SessionPortContract {

    private static ApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.createTempDirectory("bangui-sessions-").resolve("bangui.db");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", SqliteFiles.url(file),
                "datasources.default.driver-class-name", "org.sqlite.JDBC",
                "datasources.default.dialect", "MYSQL",
                "datasources.default.maximum-pool-size", "4",
                "flyway.datasources.default.enabled", "true"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    protected SessionPort emptyStore() {
        context.getBean(SessionRepository.class).deleteAll();
        return context.getBean(SessionPort.class);
    }
}
