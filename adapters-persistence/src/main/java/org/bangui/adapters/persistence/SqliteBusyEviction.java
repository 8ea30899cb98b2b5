package org.bangui.adapters.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * Hikari's verdict on SQLite's "busy" and "locked" errors: the connection that saw one leaves the pool. sqlite-jdbc
 * records {@code setAutoCommit(false)} before it runs the {@code BEGIN IMMEDIATE} that may fail busy, so such a
 * connection would go back to the pool claiming an open transaction that does not exist, and every later
 * transaction on it would fail at commit ("cannot commit - no transaction is active") until the pool retired it.
 * SQLite connections are cheap to reopen; a poisoned one is not. Configured as the data source's
 * {@code exception-override-class-name}.
 */
public final class SqliteBusyEviction implements SQLExceptionOverride {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        int primary = (e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode()) & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
