package org.bangui.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bangui.domain.setup.AccountStoreException;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;

/**
 * {@link AdminAccountPort} on the one-row {@code admin_account} table. The connection URL opens write
 * transactions IMMEDIATE, so the check and the insert of {@link #createIfAbsent} cannot interleave with another
 * setup; the primary key would refuse a second row anyway.
 */
@Singleton
@Transactional
public class SqliteAdminAccountAdapter implements AdminAccountPort {

    private static final long ID = 1;

    private final AdminAccountRepository repository;

    SqliteAdminAccountAdapter(AdminAccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<AdminAccount> load() {
        try {
            return repository.findById(ID).map(SqliteAdminAccountAdapter::toAccount);
        } catch (DataAccessException e) {
            throw new AccountStoreException("cannot read the administrator account", e);
        }
    }

    @Override
    public boolean createIfAbsent(AdminAccount account) {
        try {
            if (repository.existsById(ID)) {
                return false;
            }
            repository.save(new AdminAccountRow(ID, account.passwordHash(), account.createdAt().toEpochMilli(),
                    account.fail2banSocket().orElse(null), account.fail2banConfigDir().orElse(null),
                    account.sessionLifetime().map(Duration::toSeconds).orElse(null)));
            return true;
        } catch (DataAccessException e) {
            throw new AccountStoreException("cannot store the administrator account", e);
        }
    }

    private static AdminAccount toAccount(AdminAccountRow row) {
        return new AdminAccount(row.passwordHash(), Instant.ofEpochMilli(row.createdAt()),
                Optional.ofNullable(row.fail2banSocket()), Optional.ofNullable(row.fail2banConfigDir()),
                Optional.ofNullable(row.sessionLifetimeSeconds()).map(Duration::ofSeconds));
    }
}
