package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    static Invoice draft(String amount) {
        Project project = Project.contract("t", UUID.randomUUID(), "Site", null, Money.of("1000", "EUR"),
                BigDecimal.valueOf(20), List.of(new Project.Stage("All", BigDecimal.valueOf(80), null)),
                new Project.Terms(14, 2, Money.of("50", "EUR"), BigDecimal.TEN, 48, null, "en"), NOW);
        return Invoice.issue(project, "2026-0001", Invoice.Kind.DEPOSIT, "Deposit", Money.of(amount, "EUR"), NOW);
    }

    private static int status(ThrowingCall call) {
        try {
            call.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    interface ThrowingCall {
        void run();
    }

    @Test
    void draft_to_sent_sets_the_due_date_from_the_terms() {
        Invoice invoice = draft("200");
        invoice.send(14, NOW, ZoneOffset.UTC);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-11-16"));
    }

    @Test
    void sent_to_partially_paid_to_paid() {
        Invoice invoice = draft("200.00");
        invoice.send(14, NOW, ZoneOffset.UTC);
        assertThat(invoice.pay(Money.of("50", "EUR"))).isFalse();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.pay(Money.of("100", "EUR"))).isFalse();
        assertThat(invoice.outstanding()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(invoice.pay(Money.of("50", "EUR"))).isTrue();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void draft_and_unpaid_sent_invoices_can_be_voided() {
        Invoice draft = draft("10");
        draft.voidInvoice();
        assertThat(draft.status()).isEqualTo(InvoiceStatus.VOID);
        Invoice sent = draft("10");
        sent.send(1, NOW, ZoneOffset.UTC);
        sent.voidInvoice();
        assertThat(sent.status()).isEqualTo(InvoiceStatus.VOID);
    }

    @Test
    void illegal_transitions_are_conflicts() {
        Invoice draft = draft("100");
        assertThat(status(() -> draft.pay(Money.of("1", "EUR")))).isEqualTo(409);

        Invoice paid = draft("100");
        paid.send(1, NOW, ZoneOffset.UTC);
        paid.pay(Money.of("100", "EUR"));
        assertThat(status(paid::voidInvoice)).isEqualTo(409);
        assertThat(status(() -> paid.send(1, NOW, ZoneOffset.UTC))).isEqualTo(409);
        assertThat(status(() -> paid.pay(Money.of("1", "EUR")))).isEqualTo(409);

        Invoice partial = draft("100");
        partial.send(1, NOW, ZoneOffset.UTC);
        partial.pay(Money.of("10", "EUR"));
        assertThat(status(partial::voidInvoice)).isEqualTo(409);
        assertThat(status(() -> partial.send(1, NOW, ZoneOffset.UTC))).isEqualTo(409);

        Invoice voided = draft("100");
        voided.voidInvoice();
        assertThat(status(() -> voided.send(1, NOW, ZoneOffset.UTC))).isEqualTo(409);
        assertThat(status(voided::voidInvoice)).isEqualTo(409);
        assertThat(status(() -> voided.pay(Money.of("1", "EUR")))).isEqualTo(409);
    }

    @Test
    void overpayment_another_currency_and_non_positive_amounts_are_refused() {
        Invoice invoice = draft("100");
        invoice.send(1, NOW, ZoneOffset.UTC);
        assertThat(status(() -> invoice.pay(Money.of("100.01", "EUR")))).isEqualTo(422);
        assertThat(status(() -> invoice.pay(Money.of("10", "USD")))).isEqualTo(422);
        assertThat(status(() -> invoice.pay(Money.of("0", "EUR")))).isEqualTo(400);
        assertThat(invoice.paid()).isEqualTo(Money.zero("EUR"));
        assertThatThrownBy(() -> invoice.pay(Money.of("-1", "EUR"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void an_invoice_is_reported_overdue_once() {
        Invoice invoice = draft("100");
        invoice.send(14, NOW, ZoneOffset.UTC);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(invoice.isOverdue(Instant.parse("2026-11-16T23:59:59Z"))).isFalse();
        assertThat(invoice.isOverdue(Instant.parse("2026-11-17T00:00:01Z"))).isTrue();
        assertThat(invoice.markOverdue(NOW)).isTrue();
        assertThat(invoice.markOverdue(NOW)).isFalse();
    }

    @Test
    void the_due_date_and_the_overdue_midnight_are_the_workspaces() {
        ZoneId almaty = ZoneId.of("Asia/Almaty");
        Invoice invoice = draft("100");
        // 01:00 on 3 November in Almaty, still 2 November in UTC.
        Instant sent = LocalDate.parse("2026-11-03").atTime(1, 0).atZone(almaty).toInstant();
        invoice.send(14, sent, almaty);

        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-11-17"));
        Instant localMidnight = LocalDate.parse("2026-11-18").atStartOfDay(almaty).toInstant();
        assertThat(invoice.isOverdue(localMidnight.minusSeconds(1))).isFalse();
        assertThat(invoice.isOverdue(localMidnight.plusSeconds(1))).isTrue();
    }
}
