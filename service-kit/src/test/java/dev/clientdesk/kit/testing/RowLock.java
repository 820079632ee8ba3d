package dev.clientdesk.kit.testing;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Holds PostgreSQL row locks from the test, the way a long transaction elsewhere would, so that requests
 * racing for the same rows are all in flight at once (a 2-core machine rarely overlaps them on its own).
 */
public final class RowLock implements AutoCloseable {

    private final Connection connection;
    /** Taken with the lock, so waiters can be counted while the requests hold every other pooled connection. */
    private final Connection watcher;
    private boolean released;

    private RowLock(Connection connection, Connection watcher) {
        this.connection = connection;
        this.watcher = watcher;
    }

    /** Runs {@code selectForUpdate} in a transaction that stays open, with its locks, until {@link #close}. */
    public static RowLock hold(DataSource dataSource, String selectForUpdate, Object... parameters) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(selectForUpdate)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        connection.rollback();
                        connection.close();
                        throw new IllegalStateException("nothing to lock: " + selectForUpdate);
                    }
                }
            }
            try {
                return new RowLock(connection, dataSource.getConnection());
            } catch (SQLException e) {
                connection.rollback();
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock: " + selectForUpdate, e);
        }
    }

    /**
     * Makes a request while the lock is held and returns its answer; fails when none comes within
     * {@code bound}, which means the request is waiting for the lock (it gets its answer once this is closed).
     */
    public <T> T answerWithin(Duration bound, Supplier<T> request) {
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + bound + ": the request waits for the held lock");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the request failed", e.getCause());
        }
    }

    /** Other sessions of this database waiting for a lock right now. */
    public synchronized long waiters() {
        try (PreparedStatement statement = watcher.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the sessions waiting for a lock", e);
        }
    }

    /** Ends the transaction without changing anything, releasing the locks (once; later calls do nothing). */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try (watcher) {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the lock", e);
        }
    }
}
