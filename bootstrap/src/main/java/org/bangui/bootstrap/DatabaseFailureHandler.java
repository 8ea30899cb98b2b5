package org.bangui.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.bangui.adapters.web.problem.DomainExceptionHandler;
import org.bangui.domain.shared.DomainException;

/**
 * A transaction on BanGUI's database that could not begin, commit or roll back, typically because another process
 * (a second instance on the same file, a backup) held SQLite's write lock longer than {@code busy_timeout}: 503
 * {@code database_unavailable} with {@code Retry-After}, and one log line, instead of a 500 and a stack trace. The
 * adapters translate failures inside their methods; this one is raised by the transaction interceptor around
 * them, where no adapter sees it. {@link ConnectionFailureHandler} does the same for a connection that could not
 * be prepared (auto-commit or read-only could not be set: the same busy lock).
 */
@Singleton
@Produces
@Requires(classes = {TransactionException.class, ExceptionHandler.class})
class DatabaseFailureHandler implements ExceptionHandler<TransactionException, HttpResponse<?>> {

    private static final System.Logger LOG = System.getLogger(DatabaseFailureHandler.class.getName());

    private final DomainExceptionHandler problems;

    DatabaseFailureHandler(DomainExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, TransactionException exception) {
        return unavailable(problems, request, "transaction_failed");
    }

    @SuppressWarnings("rawtypes")
    static HttpResponse<?> unavailable(DomainExceptionHandler problems, HttpRequest request, String reason) {
        LOG.log(System.Logger.Level.WARNING, "database_unavailable path=" + request.getPath() + " reason=" + reason);
        return problems.handle(request, new DatabaseUnavailableException());
    }

    /** A pooled connection that could not be prepared for the request's transaction. */
    @Singleton
    @Produces
    @Requires(classes = {ConnectionException.class, ExceptionHandler.class})
    static class ConnectionFailureHandler implements ExceptionHandler<ConnectionException, HttpResponse<?>> {

        private final DomainExceptionHandler problems;

        ConnectionFailureHandler(DomainExceptionHandler problems) {
            this.problems = problems;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, ConnectionException exception) {
            return unavailable(problems, request, "connection_failed");
        }
    }

    /** The problem the client sees; names no file, driver or exception. */
    static final class DatabaseUnavailableException extends DomainException {

        DatabaseUnavailableException() {
            super("database_unavailable", Category.UNAVAILABLE, "the database is busy or unavailable; retry later");
        }
    }
}
