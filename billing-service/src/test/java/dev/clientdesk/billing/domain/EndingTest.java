package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ending a project: who pays the cancellation fee, what committed work is still finished, what is refunded. */
class EndingTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Ending.EndedBy FREELANCER = Ending.EndedBy.FREELANCER;
    private static final Ending.EndedBy CLIENT = Ending.EndedBy.CLIENT;

    /** 1000.00 EUR: deposit 20% (200.00) paid, stages A and B 40% (400.00) each, 10% cancellation fee. */
    private final Project project = Project.contract("t", UUID.randomUUID(), "Site", null, Money.of("1000", "EUR"),
            BigDecimal.valueOf(20), List.of(new Project.Stage("A", BigDecimal.valueOf(40), null),
                    new Project.Stage("B", BigDecimal.valueOf(40), null)),
            new Project.Terms(14, 2, Money.of("50", "EUR"), BigDecimal.TEN, 48, null, "en"), NOW);
    private final List<Invoice> invoices = new ArrayList<>();
    private int numbers;

    EndingTest() {
        paid(issue(Invoice.Kind.DEPOSIT, project.depositAmount()), "200");
        project.depositPaid();
    }

    private UUID stage(int index) {
        return project.milestones().get(index).id();
    }

    private Invoice issue(Invoice.Kind kind, Money amount) {
        Invoice invoice = Invoice.issue(project, "2026-" + ++numbers, kind, kind.name(), amount, NOW);
        invoices.add(invoice);
        return invoice;
    }

    private static void paid(Invoice invoice, String amount) {
        invoice.send(14, NOW, java.time.ZoneOffset.UTC);
        invoice.pay(Money.of(amount, "EUR"));
    }

    private Invoice complete(int index) {
        Invoice invoice = issue(Invoice.Kind.MILESTONE, project.completableMilestone(stage(index)).amount());
        project.completeMilestone(stage(index), invoice.id());
        return invoice;
    }

    private SettlementFigures figures(Ending.EndedBy endedBy) {
        return SettlementFigures.of(project, new Ending(endedBy, true, null), invoices);
    }

    @Test
    void a_missing_ender_is_the_freelancer_and_committed_work_is_finished_by_default() {
        assertThat(Ending.of(null, null, "r")).isEqualTo(new Ending(FREELANCER, true, "r"));
        assertThat(Ending.of(CLIENT, false, null)).isEqualTo(new Ending(CLIENT, false, null));
    }

    @Test
    void when_the_freelancer_ends_it_no_cancellation_fee_is_due_and_the_prepaid_deposit_is_refunded() {
        SettlementFigures figures = figures(FREELANCER);
        assertThat(figures.cancellationFee()).isEqualTo(Money.of("0", "EUR"));
        assertThat(figures.earned()).isEqualTo(Money.of("0", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("200", "EUR"));
        assertThat(figures.shortfall()).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    void when_the_client_ends_it_the_fee_is_due_on_the_unfinished_remainder() {
        paid(complete(0), "400");
        SettlementFigures figures = figures(CLIENT);
        // 10% of the 600.00 not completed; earned 400.00 + 60.00 of the 600.00 paid.
        assertThat(figures.cancellationFee()).isEqualTo(Money.of("60", "EUR"));
        assertThat(figures.earned()).isEqualTo(Money.of("460", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("140", "EUR"));
        assertThat(figures(FREELANCER).refund()).isEqualTo(Money.of("200", "EUR"));
    }

    @Test
    void a_shortfall_is_billed_on_a_final_invoice() {
        complete(0);
        SettlementFigures figures = figures(CLIENT);
        assertThat(figures.earned()).isEqualTo(Money.of("460", "EUR"));
        assertThat(figures.paid()).isEqualTo(Money.of("200", "EUR"));
        assertThat(figures.shortfall()).isEqualTo(Money.of("260", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    void with_committed_work_a_started_stage_is_finished_and_billed_on_its_own_invoice_before_settling() {
        project.startMilestone(stage(1));
        List<Milestone> toFinish = project.end(new Ending(FREELANCER, true, null));

        assertThat(toFinish).extracting(Milestone::id).containsExactly(stage(1));
        assertThat(project.status()).isEqualTo(ProjectStatus.WINDING_DOWN);
        assertThat(status(() -> project.completableMilestone(stage(0)))).isEqualTo(409);
        assertThat(status(project::recordRevision)).isEqualTo(409);
        project.requireOpenForWork("log time");
        assertThat(project.finishesWindingDown(stage(1))).isTrue();

        Invoice stageB = complete(1);
        assertThat(project.status()).isEqualTo(ProjectStatus.WINDING_DOWN);
        assertThat(project.invoicesOfFinishedCommitments()).containsExactly(stageB.id());
        SettlementFigures figures = SettlementFigures.of(project, project.ending(), invoices);
        // Stage B asks for its 400.00 itself; of the rest nothing was earned, so the 200.00 deposit goes back.
        assertThat(figures.earned()).isEqualTo(Money.of("0", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("200", "EUR"));
        project.cancel();
        assertThat(project.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(status(() -> project.requireOpenForWork("log time"))).isEqualTo(409);
    }

    @Test
    void the_client_ending_with_committed_work_pays_the_fee_on_what_remains_after_it() {
        project.startMilestone(stage(1));
        project.end(new Ending(CLIENT, true, "budget cut"));
        complete(1);
        SettlementFigures figures = SettlementFigures.of(project, project.ending(), invoices);
        assertThat(figures.cancellationFee()).isEqualTo(Money.of("60", "EUR"));
        assertThat(figures.earned()).isEqualTo(Money.of("60", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("140", "EUR"));
    }

    @Test
    void without_committed_work_a_started_stage_counts_as_unfinished_and_the_project_is_settled_at_once() {
        project.startMilestone(stage(0));
        assertThat(project.end(new Ending(CLIENT, false, null))).isEmpty();
        assertThat(project.status()).isEqualTo(ProjectStatus.CANCELLED);
        SettlementFigures figures = SettlementFigures.of(project, project.ending(), invoices);
        assertThat(figures.cancellationFee()).isEqualTo(Money.of("100", "EUR"));
        assertThat(figures.refund()).isEqualTo(Money.of("100", "EUR"));
    }

    @Test
    void only_a_pending_stage_of_an_active_project_starts_and_a_started_one_can_be_completed() {
        assertThat(project.startMilestone(stage(0)).status()).isEqualTo(Milestone.MilestoneStatus.STARTED);
        assertThat(status(() -> project.startMilestone(stage(0)))).isEqualTo(409);
        complete(0);
        assertThat(project.milestones().get(0).status()).isEqualTo(Milestone.MilestoneStatus.INVOICED);
        assertThat(status(() -> project.startMilestone(stage(0)))).isEqualTo(409);
        project.end(new Ending(FREELANCER, true, null));
        assertThat(status(() -> project.startMilestone(stage(1)))).isEqualTo(409);
        assertThat(status(() -> project.end(new Ending(FREELANCER, true, null)))).isEqualTo(409);

        Project unpaid = Project.contract("t", UUID.randomUUID(), "Logo", null, Money.of("100", "EUR"),
                BigDecimal.valueOf(20), List.of(new Project.Stage("All", BigDecimal.valueOf(80), null)),
                project.terms(), NOW);
        assertThat(status(() -> unpaid.startMilestone(unpaid.milestones().get(0).id()))).isEqualTo(409);
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }
}
