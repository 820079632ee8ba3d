package dev.clientdesk.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay drains a backlog in time linear in its length: the statements of one batch read a number of
 * buffers that depends on the batch, not on how many rows wait behind it. Their plans are read with
 * {@code EXPLAIN (ANALYZE, BUFFERS)} over a backlog of 200,000 rows and over one ten times smaller, each
 * inserted and analyzed in a transaction that is rolled back, so the running relay never sees them.
 */
@QuarkusTest
class OutboxDrainPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    private static final int KEYS = 2_000;
    private static final int BATCH = 500;

    @Inject
    DataSource dataSource;

    /** What one statement cost: buffers touched (hit or read), the tables it scanned sequentially, its indexes. */
    record Cost(long buffers, List<String> sequentialScans, List<String> indexes) {
    }

    @Test
    void each_batch_costs_the_same_with_a_backlog_ten_times_longer() throws SQLException {
        Map<String, Cost> small = batchCosts(20_000);
        Map<String, Cost> large = batchCosts(200_000);

        System.out.printf("RELIABILITY outbox drain buffers per batch of %d: 20,000 waiting %s, 200,000 waiting %s%n",
                BATCH, small, large);
        assertThat(large.keySet()).containsExactly("claim", "oldest unclaimed", "mark published");
        large.forEach((statement, cost) -> {
            assertThat(cost.sequentialScans()).as(statement).doesNotContain("outbox_event");
            assertThat(small.get(statement).sequentialScans()).as(statement).doesNotContain("outbox_event");
            assertThat(cost.buffers()).as(statement + " buffers, 200,000 vs 20,000 waiting")
                    .isLessThanOrEqualTo(2 * small.get(statement).buffers());
        });
    }

    private Map<String, Cost> batchCosts(int backlog) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, partition_key, event_type, envelope, created_at)
                        SELECT gen_random_uuid(), 'drain.v1', ? || (i % ?), 'Drained',
                               '{"n":' || i || '}', now()
                        FROM generate_series(1, ?) AS i""")) {
                    // Keys of their own: the entries the other backlog left behind (dead once rolled back)
                    // would stand in front of these until a vacuum.
                    insert.setString(1, "drain-" + backlog + "-");
                    insert.setInt(2, KEYS);
                    insert.setInt(3, backlog);
                    insert.executeUpdate();
                }
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE outbox_event");
                }
                Map<String, Cost> costs = new LinkedHashMap<>();
                costs.put("claim", explain(connection, OutboxRelay.CLAIM, BATCH));
                List<String> keys = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                try (ResultSet claimed = query(connection, OutboxRelay.CLAIM, BATCH)) {
                    while (claimed.next()) {
                        seqs.add(claimed.getLong(1));
                        keys.add(claimed.getString(4));
                    }
                }
                assertThat(seqs).hasSize(BATCH);
                Array keyArray = connection.createArrayOf("text", new LinkedHashSet<>(keys).toArray());
                Array seqArray = connection.createArrayOf("bigint", seqs.toArray());
                costs.put("oldest unclaimed", explain(connection, OutboxRelay.OLDEST_UNCLAIMED, keyArray, seqArray));
                costs.put("mark published", explain(connection, OutboxRelay.MARK_PUBLISHED,
                        Timestamp.from(Instant.now()), seqArray));
                return costs;
            } finally {
                connection.rollback();
            }
        }
    }

    private static Cost explain(Connection connection, String sql, Object... parameters) throws SQLException {
        try (ResultSet plan = query(connection, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, parameters)) {
            plan.next();
            JsonNode root = JSON.readTree(plan.getString(1)).get(0).get("Plan");
            List<String> sequential = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            collectScans(root, sequential, indexes);
            return new Cost(root.path("Shared Hit Blocks").asLong() + root.path("Shared Read Blocks").asLong(),
                    sequential, indexes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectScans(JsonNode node, List<String> sequential, List<String> indexes) {
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            sequential.add(node.path("Relation Name").asText());
        }
        if (node.has("Index Name")) {
            indexes.add(node.path("Index Name").asText());
        }
        node.path("Plans").forEach(child -> collectScans(child, sequential, indexes));
    }

    /** Runs a statement written with Hibernate's numbered parameters ({@code ?1}) through plain JDBC. */
    private static ResultSet query(Connection connection, String sql, Object... parameters) throws SQLException {
        Matcher matcher = PARAMETER.matcher(sql);
        List<Object> ordered = new ArrayList<>();
        while (matcher.find()) {
            ordered.add(parameters[Integer.parseInt(matcher.group(1)) - 1]);
        }
        PreparedStatement statement = connection.prepareStatement(matcher.replaceAll("?"));
        for (int i = 0; i < ordered.size(); i++) {
            statement.setObject(i + 1, ordered.get(i));
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
