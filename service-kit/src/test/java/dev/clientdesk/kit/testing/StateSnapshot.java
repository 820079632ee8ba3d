package dev.clientdesk.kit.testing;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint of a service's business state: per table, its row count and the md5 of all its rows in a
 * stable order. Two equal snapshots mean no row was added, removed or changed in between. The plumbing
 * tables (outbox, processed events, idempotency keys, Flyway history) are left out by default.
 */
public final class StateSnapshot {

    public static final Set<String> PLUMBING = Set.of("outbox_event", "processed_event", "idempotency_key",
            "flyway_schema_history");

    private StateSnapshot() {
    }

    /** table → "rows=N md5=…" for every base table of the current schema except {@link #PLUMBING}. */
    public static Map<String, String> take(DataSource dataSource) {
        return take(dataSource, PLUMBING);
    }

    public static Map<String, String> take(DataSource dataSource, Set<String> excluded) {
        Map<String, String> snapshot = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // One snapshot of the whole database, not one per table.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (excluded.contains(table)) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY "
                        + "t::text)) FROM \"" + table + "\" t")) {
                    rs.next();
                    snapshot.put(table, "rows=" + rs.getLong(1) + " md5=" + rs.getString(2));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a snapshot of the database", e);
        }
        return snapshot;
    }

    /** A count on its own connection, for plumbing tables the snapshot leaves out. */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }
}
