package dev.clientdesk.kit.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a replica may publish when another replica holds some rows of the same key. */
class OutboxOrderingTest {

    private static OutboxRelay.OutboxRow row(long seq, String key) {
        return row(seq, key, "{}");
    }

    private static OutboxRelay.OutboxRow row(long seq, String key, String envelope) {
        return new OutboxRelay.OutboxRow(seq, "id-" + seq, "t", key, "E", envelope);
    }

    @Test
    void rows_behind_a_row_held_elsewhere_wait() {
        // This replica claimed 5 and 7 of client c1; another holds 6.
        List<OutboxRelay.OutboxRow> claimed = List.of(row(5, "c1"), row(7, "c1"), row(8, "c2"));
        assertThat(OutboxRelay.publishable(claimed, Map.of("c1", 6L)))
                .extracting(OutboxRelay.OutboxRow::seq).containsExactly(5L, 8L);
    }

    @Test
    void a_key_whose_oldest_row_is_held_elsewhere_waits_entirely() {
        List<OutboxRelay.OutboxRow> claimed = List.of(row(6, "c1"), row(7, "c1"));
        assertThat(OutboxRelay.publishable(claimed, Map.of("c1", 5L))).isEmpty();
    }

    @Test
    void keys_with_nothing_outside_the_batch_are_published_whole() {
        List<OutboxRelay.OutboxRow> claimed = List.of(row(1, "a"), row(2, "b"), row(3, "a"));
        assertThat(OutboxRelay.publishable(claimed, Map.of())).hasSize(3);
    }

    @Test
    void rows_behind_a_large_record_of_their_key_wait_for_the_next_batch() {
        // 2 is large: if the topic refuses it, 4 must not have reached the broker before it.
        List<OutboxRelay.OutboxRow> rows = List.of(row(1, "a"), row(2, "a", "x".repeat(2_000)), row(3, "b"),
                row(4, "a"), row(5, "b", "é".repeat(600)));
        assertThat(OutboxRelay.sendable(rows, 1_000)).extracting(OutboxRelay.OutboxRow::seq)
                .containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void a_record_is_large_by_its_bytes_not_its_characters() {
        // 600 two-byte characters are 1,200 bytes.
        List<OutboxRelay.OutboxRow> rows = List.of(row(1, "a", "é".repeat(600)), row(2, "a"));
        assertThat(OutboxRelay.sendable(rows, 1_000)).extracting(OutboxRelay.OutboxRow::seq).containsExactly(1L);
        assertThat(OutboxRelay.sendable(rows, 1_200)).extracting(OutboxRelay.OutboxRow::seq).containsExactly(1L, 2L);
    }

    @Test
    void the_pause_after_failures_doubles_up_to_its_cap() {
        Duration first = Duration.ofMillis(500);
        Duration max = Duration.ofSeconds(5);
        assertThat(List.of(1, 2, 3, 4, 5, 50).stream().map(n -> OutboxRelay.backoff(n, first, max)).toList())
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(4), max, max);
    }
}
