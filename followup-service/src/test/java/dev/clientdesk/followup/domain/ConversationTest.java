package dev.clientdesk.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private static Instant day(double d) {
        return T0.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    private static Conversation invoice() {
        return Conversation.open("t", UUID.randomUUID(), UUID.randomUUID(), Conversation.Kind.INVOICE_PAYMENT,
                "Invoice 2026-0001", Map.of(), T0, WEEK, T0);
    }

    @Test
    void nudges_at_day_7_and_14_then_goes_silent_at_day_21() {
        Conversation c = invoice();
        assertThat(c.nextCheckAt()).isEqualTo(day(7));
        assertThatThrownBy(() -> c.check(day(6.9), WEEK)).isInstanceOf(IllegalStateException.class);
        assertThat(c.check(day(7), WEEK)).isEqualTo(new Conversation.Nudge(1));
        assertThat(c.nextCheckAt()).isEqualTo(day(14));
        assertThat(c.check(day(14), WEEK)).isEqualTo(new Conversation.Nudge(2));
        assertThat(c.check(day(21), WEEK)).isEqualTo(new Conversation.WentSilent(2));
        assertThat(c.status()).isEqualTo(ConversationStatus.SILENT);
        assertThat(c.nextCheckAt()).isNull();
    }

    @Test
    void a_late_scan_nudges_once_and_keeps_a_full_window_before_the_next() {
        Conversation c = invoice();
        assertThat(c.check(day(9), WEEK)).isEqualTo(new Conversation.Nudge(1));
        assertThat(c.nextCheckAt()).isEqualTo(day(16));
    }

    @Test
    void a_silence_that_began_long_ago_does_not_burst_into_nudges() {
        Conversation c = invoice();
        assertThat(c.check(day(30), WEEK)).isEqualTo(new Conversation.Nudge(1));
        assertThat(c.nextCheckAt()).isEqualTo(day(37));
        assertThat(c.check(day(37), WEEK)).isEqualTo(new Conversation.Nudge(2));
        assertThat(c.nextCheckAt()).isEqualTo(day(44));
    }

    @Test
    void a_sign_of_life_older_than_the_silence_changes_nothing() {
        Conversation c = invoice();
        c.check(day(7), WEEK);
        c.clientSpoke(day(10), WEEK);
        c.clientSpoke(day(9), WEEK);
        assertThat(c.silentSince()).isEqualTo(day(10));
        c.clientSpoke(T0.minus(Duration.ofDays(5)), WEEK);
        assertThat(c.silentSince()).isEqualTo(day(10));
        assertThat(c.nextCheckAt()).isEqualTo(day(17));
    }

    @Test
    void a_follow_up_sent_pushes_the_next_nudge_a_full_week_away() {
        Conversation c = invoice();
        c.check(day(7), WEEK);
        c.outboundSent(day(8), WEEK);
        assertThat(c.nextCheckAt()).isEqualTo(day(15));
    }

    @Test
    void any_sign_of_life_restarts_the_silence_and_reopens_a_silent_conversation() {
        Conversation c = invoice();
        c.check(day(7), WEEK);
        c.clientSpoke(day(10), WEEK);
        assertThat(c.attempts()).isZero();
        assertThat(c.nextCheckAt()).isEqualTo(day(17));

        c.check(day(17), WEEK);
        c.check(day(24), WEEK);
        c.check(day(31), WEEK);
        assertThat(c.status()).isEqualTo(ConversationStatus.SILENT);
        c.clientSpoke(day(40), WEEK);
        assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(c.nextCheckAt()).isEqualTo(day(47));
    }

    @Test
    void a_closed_conversation_stays_closed_whatever_happens() {
        Conversation c = Conversation.open("t", UUID.randomUUID(), null, Conversation.Kind.MANUAL, "Proposal",
                Map.of(), T0, WEEK, T0);
        c.close("ANSWERED", day(3));
        c.clientSpoke(day(4), WEEK);
        c.pause(day(9), null);
        assertThat(c.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(c.nextCheckAt()).isNull();
        assertThat(c.closeReason()).isEqualTo("ANSWERED");
    }

    @Test
    void a_paused_conversation_is_not_nudged_until_the_pause_ends() {
        Conversation c = invoice();
        c.pause(day(12), null);
        assertThat(c.nextCheckAt()).isEqualTo(day(12));
        Conversation other = invoice();
        other.pause(day(30), null);
        other.resume(WEEK);
        assertThat(other.nextCheckAt()).isEqualTo(day(7));
        // A pause set while already due defers the check instead of nudging.
        Conversation due = invoice();
        due.pause(day(5), null);
        due.pause(day(10), null);
        assertThat(due.check(day(10), WEEK)).isEqualTo(new Conversation.Nudge(1));
    }
}
