package dev.clientdesk.kit.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a replica may publish when another replica holds some rows of the same key. */
class OutboxOrderingTest {

    private static OutboxRelay.OutboxRow row(long seq, String key) {
        return new OutboxRelay.OutboxRow(seq, "id-" + seq, "t", key, "E", "{}");
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
}
