package dev.clientdesk.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a service's database directly (never writes): what the REST API does not show, such as the outbox. */
final class Sql implements AutoCloseable {

    private final Connection connection;

    private Sql(Connection connection) {
        this.connection = connection;
    }

    static Sql of(RunningSystem system, String service) {
        return new Sql(system.database(service));
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    List<String> strings(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
    }

    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameter(parameters[i]));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A collection becomes a text[] (compare with {@code = ANY(?)}, casting the column to text). */
    private Object parameter(Object value) throws SQLException {
        if (value instanceof Collection<?> values) {
            return connection.createArrayOf("text", values.stream().map(String::valueOf).toArray());
        }
        if (value instanceof UUID uuid) {
            return uuid;
        }
        return value;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }
}
