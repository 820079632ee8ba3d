package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing and postponing a contracted project, and what a voided invoice gives back, without Quarkus. */
class ProjectChangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static Project contract(String fee, String... stagePercents) {
        List<Project.Stage> stages = new ArrayList<>();
        for (int i = 0; i < stagePercents.length; i++) {
            stages.add(new Project.Stage("Stage " + (i + 1), new BigDecimal(stagePercents[i]),
                    TODAY.plusDays(30L * (i + 1))));
        }
        Money amount = Money.of(fee, "EUR");
        return Project.contract("ws", UUID.randomUUID(), "Site", null, amount, BigDecimal.valueOf(20), stages,
                new Project.Terms(14, 2, Money.zero("EUR"), BigDecimal.TEN, 48, null, "en"), Instant.EPOCH);
    }

    private static List<String> amounts(Project project) {
        return project.milestones().stream().map(m -> m.amount().amount().toPlainString()).toList();
    }

    private static Project activeWithFirstStageCompleted(String fee, String... stagePercents) {
        Project project = contract(fee, stagePercents);
        project.depositPaid();
        project.completeMilestone(project.milestones().get(0).id(), UUID.randomUUID());
        return project;
    }

    @Example
    void new_stages_share_what_the_deposit_and_completed_stages_leave_to_the_cent() {
        Project project = activeWithFirstStageCompleted("1000.00", "40", "40");

        project.change(Money.of("1100.01", "EUR"), List.of(
                new Project.Stage("Design", new BigDecimal("33.33"), null),
                new Project.Stage("Build", new BigDecimal("33.33"), null),
                new Project.Stage("Launch", new BigDecimal("33.34"), TODAY.plusDays(90))));

        // 1100.01 - 200.00 deposit - 400.00 completed = 500.01, in shares of 33.33/33.33/33.34 %: 166.65 each
        // rounded down, and the one cent left over to the largest rounding loss, the last stage.
        assertThat(project.fee()).isEqualTo(Money.of("1100.01", "EUR"));
        assertThat(project.depositAmount()).isEqualTo(Money.of("200.00", "EUR"));
        assertThat(amounts(project)).containsExactly("400.00", "166.65", "166.65", "166.71");
        assertThat(project.milestones()).extracting(Milestone::name)
                .containsExactly("Stage 1", "Design", "Build", "Launch");
        assertThat(project.milestones()).extracting(Milestone::status).containsExactly(
                Milestone.MilestoneStatus.INVOICED, Milestone.MilestoneStatus.PENDING,
                Milestone.MilestoneStatus.PENDING, Milestone.MilestoneStatus.PENDING);
        assertThat(project.completedWork()).isEqualTo(Money.of("400.00", "EUR"));
        // Percents are restated as shares of the new fee, as the terms sheet shows them.
        assertThat(project.depositPercent()).isEqualByComparingTo("18.18");
        assertThat(project.milestones()).extracting(Milestone::percent).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("36.36"), new BigDecimal("15.15"), new BigDecimal("15.15"),
                        new BigDecimal("15.16"));
    }

    @Example
    void without_new_stages_the_remaining_ones_are_re_split_in_proportion() {
        Project project = activeWithFirstStageCompleted("1000.00", "30", "30", "20");

        project.change(Money.of("1000.01", "EUR"), null);

        // 1000.01 - 200.00 - 300.00 = 500.01 in the proportion 300:200 = 300.006 and 200.004: the spare cent goes
        // to the larger rounding loss.
        assertThat(amounts(project)).containsExactly("300.00", "300.01", "200.00");
        assertThat(project.milestones().get(1).dueDate()).isEqualTo(TODAY.plusDays(60));
    }

    @Example
    void only_new_stages_keep_the_fee() {
        Project project = contract("1000.00", "40", "40");
        UUID kept = project.milestones().get(0).id();

        project.change(null, List.of(new Project.Stage("Everything", new BigDecimal("100"), null)));

        assertThat(project.fee()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(amounts(project)).containsExactly("800.00");
        assertThat(project.milestones().get(0).id()).isNotEqualTo(kept);
    }

    @Example
    void a_fee_not_above_what_is_invoiced_is_refused_naming_the_fee() {
        Project project = activeWithFirstStageCompleted("1000.00", "40", "40");

        for (String fee : List.of("600.00", "599.99")) {
            assertThatThrownBy(() -> project.change(Money.of(fee, "EUR"), null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.toProblem(null).errors()).extracting(f -> f.field())
                                .containsExactly("totalFee.amount");
                    })
                    .hasMessageContaining("600.00");
        }
        assertThatThrownBy(() -> project.change(Money.of("1000.00", "USD"), null))
                .isInstanceOfSatisfying(PaymentSchedule.ScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("totalFee.currency"));
        assertThatThrownBy(() -> project.change(null, List.of(new Project.Stage("A", new BigDecimal("60"), null))))
                .isInstanceOfSatisfying(PaymentSchedule.ScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("milestones"))
                .hasMessageContaining("remaining stages must total exactly 100%");
        assertThat(project.fee()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(amounts(project)).containsExactly("400.00", "400.00");
    }

    @Property(tries = 300)
    void a_changed_schedule_sums_to_the_new_fee_and_keeps_every_invoiced_amount(
            @ForAll @IntRange(min = 1, max = 3) int completed, @ForAll("extraCents") long extraCents,
            @ForAll("shares") List<BigDecimal> shares) {
        Project project = contract("1000.00", "20", "20", "20", "20");
        project.depositPaid();
        for (int i = 0; i < completed; i++) {
            project.completeMilestone(project.milestones().get(i).id(), UUID.randomUUID());
        }
        Money invoiced = project.depositAmount().plus(project.completedWork());
        List<Milestone> invoicedStages = project.milestones().subList(0, completed);
        Money fee = invoiced.plus(Money.ofMinor(extraCents, "EUR"));
        List<Project.Stage> stages = shares.stream().map(s -> new Project.Stage("S", s, null)).toList();

        project.change(fee, stages);

        long scheduled = project.milestones().stream().mapToLong(m -> m.amount().minorUnits()).sum()
                + project.depositAmount().minorUnits();
        assertThat(scheduled).isEqualTo(fee.minorUnits());
        assertThat(project.depositAmount()).isEqualTo(Money.of("200.00", "EUR"));
        assertThat(project.milestones().subList(0, completed)).extracting(Milestone::id, Milestone::amount)
                .containsExactlyElementsOf(invoicedStages.stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.id(), m.amount())).toList());
        assertThat(project.milestones().subList(completed, project.milestones().size()))
                .hasSize(shares.size()).allSatisfy(m -> assertThat(m.amount().minorUnits()).isPositive());
        long left = fee.minus(invoiced).minorUnits();
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(left).multiply(shares.get(i)).divide(BigDecimal.valueOf(100));
            long part = project.milestones().get(completed + i).amount().minorUnits();
            assertThat(BigDecimal.valueOf(part).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Example
    void voiding_a_stage_invoice_makes_the_stage_billable_again_and_reopens_a_completed_project() {
        Project project = contract("1000.00", "80");
        project.depositPaid();
        UUID stage = project.milestones().get(0).id();
        UUID invoice = UUID.randomUUID();
        project.completeMilestone(stage, invoice);
        assertThat(project.status()).isEqualTo(ProjectStatus.COMPLETED);

        Project.Reopened reopened = project.invoiceVoided(invoice, Invoice.Kind.MILESTONE);

        assertThat(reopened).isEqualTo(new Project.Reopened("MILESTONE", stage));
        assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(project.milestone(stage).status()).isEqualTo(Milestone.MilestoneStatus.PENDING);
        assertThat(project.milestone(stage).invoiceId()).isNull();
        assertThat(project.completableMilestone(stage).amount()).isEqualTo(Money.of("800.00", "EUR"));
        assertThat(project.invoiceVoided(UUID.randomUUID(), Invoice.Kind.REVISION)).isEqualTo(Project.Reopened.NOTHING);
    }

    @Example
    void a_voided_deposit_invoice_is_billable_again_only_while_the_deposit_is_awaited() {
        Project project = contract("1000.00", "80");
        assertThat(project.invoiceVoided(UUID.randomUUID(), Invoice.Kind.DEPOSIT))
                .isEqualTo(new Project.Reopened("DEPOSIT", null));
        project.cancel();
        assertThat(project.invoiceVoided(UUID.randomUUID(), Invoice.Kind.DEPOSIT)).isEqualTo(Project.Reopened.NOTHING);
    }

    @Example
    void postponing_moves_unfinished_stages_and_completed_ones_keep_their_dates() {
        Project project = activeWithFirstStageCompleted("1000.00", "40", "20", "20");
        Milestone done = project.milestones().get(0);
        Milestone second = project.milestones().get(1);

        List<Project.Rescheduled> shifted = project.postponeBy(14);

        assertThat(shifted).extracting(Project.Rescheduled::milestoneId)
                .containsExactly(second.id(), project.milestones().get(2).id());
        assertThat(project.milestones()).extracting(Milestone::dueDate)
                .containsExactly(TODAY.plusDays(30), TODAY.plusDays(74), TODAY.plusDays(104));

        project.postpone(List.of(new Project.StageDate(second.id(), TODAY.plusDays(100))), TODAY);
        assertThat(project.milestone(second.id()).dueDate()).isEqualTo(TODAY.plusDays(100));
        assertThat(project.milestone(second.id()).amount()).isEqualTo(second.amount());

        assertThatThrownBy(() -> project.postpone(List.of(new Project.StageDate(done.id(), TODAY.plusDays(5))), TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> project.postpone(List.of(new Project.StageDate(second.id(), TODAY.minusDays(1))),
                TODAY)).isInstanceOfSatisfying(PaymentSchedule.ScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("milestones[0].dueDate"));
        assertThat(project.milestone(done.id()).dueDate()).isEqualTo(TODAY.plusDays(30));
    }

    @Example
    void a_completed_project_can_be_neither_postponed_nor_changed() {
        Project project = activeWithFirstStageCompleted("1000.00", "80");
        assertThatThrownBy(() -> project.postponeBy(7)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> project.change(Money.of("2000.00", "EUR"), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Provide
    Arbitrary<Long> extraCents() {
        // From 10,000 minor units every share of at least 0.01% is at least one minor unit.
        return Arbitraries.longs().between(10_000, 1_000_000_000L);
    }

    /** Two to eight positive shares that add up to exactly 100%, as for a new contract. */
    @Provide
    Arbitrary<List<BigDecimal>> shares() {
        return new PaymentScheduleTest().splits();
    }
}
