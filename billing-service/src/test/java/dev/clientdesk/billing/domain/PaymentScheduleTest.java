package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentScheduleTest {

    @Property(tries = 500)
    void the_schedule_always_sums_to_the_fee(@ForAll("fees") Money fee, @ForAll("splits") List<BigDecimal> percents) {
        List<Money> parts = PaymentSchedule.allocate(fee, percents);

        assertThat(parts).hasSameSizeAs(percents);
        assertThat(parts.stream().map(Money::minorUnits).mapToLong(Long::longValue).sum()).isEqualTo(fee.minorUnits());
        assertThat(parts).allSatisfy(part -> assertThat(part.currency()).isEqualTo(fee.currency()));
        assertThat(parts).allSatisfy(part -> assertThat(part.isNegative()).isFalse());
    }

    @Property(tries = 300)
    void each_part_is_within_one_minor_unit_of_its_exact_share(@ForAll("fees") Money fee,
            @ForAll("splits") List<BigDecimal> percents) {
        List<Money> parts = PaymentSchedule.allocate(fee, percents);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(fee.minorUnits()).multiply(percents.get(i))
                    .divide(BigDecimal.valueOf(100));
            BigDecimal difference = BigDecimal.valueOf(parts.get(i).minorUnits()).subtract(exact).abs();
            assertThat(difference).isLessThan(BigDecimal.ONE);
        }
    }

    @Property(tries = 200)
    void the_same_input_gives_the_same_schedule(@ForAll("fees") Money fee, @ForAll("splits") List<BigDecimal> percents) {
        assertThat(PaymentSchedule.allocate(fee, percents)).isEqualTo(PaymentSchedule.allocate(fee, percents));
    }

    @Property(tries = 200)
    void splits_that_do_not_total_100_are_refused(@ForAll("fees") Money fee, @ForAll("splits") List<BigDecimal> percents,
            @ForAll @IntRange(min = 1, max = 999) int offByHundredths) {
        List<BigDecimal> broken = new ArrayList<>(percents);
        broken.set(0, broken.get(0).add(BigDecimal.valueOf(offByHundredths, 2)));
        assertThatThrownBy(() -> PaymentSchedule.allocate(fee, broken))
                .isInstanceOf(PaymentSchedule.ScheduleException.class)
                .satisfies(e -> assertThat(((PaymentSchedule.ScheduleException) e).field()).isEqualTo("milestones"));
    }

    @Property(tries = 300)
    void a_reproportioned_amount_sums_exactly_and_keeps_each_parts_proportion(@ForAll("fees") Money amount,
            @ForAll("splits") List<BigDecimal> percents) {
        List<Money> weights = PaymentSchedule.allocate(Money.ofMinor(1_000_000, amount.currency()), percents);
        List<Money> parts = PaymentSchedule.reproportion(amount, weights);

        assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(amount.minorUnits());
        BigDecimal weightSum = BigDecimal.valueOf(weights.stream().mapToLong(Money::minorUnits).sum());
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(amount.minorUnits())
                    .multiply(BigDecimal.valueOf(weights.get(i).minorUnits()))
                    .divide(weightSum, 6, java.math.RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(parts.get(i).minorUnits()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Example
    void thirds_of_a_hundred_euros_put_the_spare_cent_first() {
        List<Money> parts = PaymentSchedule.allocate(Money.of("100.00", "EUR"),
                List.of(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33")));
        assertThat(parts).containsExactly(Money.of("33.34", "EUR"), Money.of("33.33", "EUR"),
                Money.of("33.33", "EUR"));
        List<Money> yen = PaymentSchedule.allocate(Money.of("1000", "JPY"),
                List.of(new BigDecimal("20"), new BigDecimal("40"), new BigDecimal("40")));
        assertThat(yen).containsExactly(Money.of("200", "JPY"), Money.of("400", "JPY"), Money.of("400", "JPY"));
        List<Money> dinar = PaymentSchedule.allocate(Money.of("0.010", "KWD"),
                List.of(new BigDecimal("50"), new BigDecimal("50")));
        assertThat(dinar).containsExactly(Money.of("0.005", "KWD"), Money.of("0.005", "KWD"));
    }

    @Example
    void a_fee_too_small_for_its_split_is_refused_rather_than_billing_zero() {
        assertThatThrownBy(() -> PaymentSchedule.allocate(Money.of("1", "JPY"),
                List.of(BigDecimal.TEN, new BigDecimal("45"), new BigDecimal("45"))))
                .hasMessageContaining("too small");
    }

    @Example
    void zero_negative_and_over_precise_percents_are_refused() {
        Money fee = Money.of("100", "EUR");
        assertThatThrownBy(() -> PaymentSchedule.allocate(fee, List.of(BigDecimal.ZERO, BigDecimal.valueOf(100))))
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> PaymentSchedule.allocate(fee, List.of(new BigDecimal("33.333"), new BigDecimal("66.667"))))
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> PaymentSchedule.allocate(Money.zero("EUR"), List.of(BigDecimal.valueOf(100))))
                .hasMessageContaining("more than zero");
    }

    @Provide
    Arbitrary<Money> fees() {
        Arbitrary<String> currency = Arbitraries.of("JPY", "EUR", "USD", "KWD", "BHD", "TRY", "KZT", "GEL", "BGN");
        return currency.flatMap(code -> {
            // From 10,000 minor units every part of at least 0.01% is at least one minor unit.
            return Arbitraries.longs().between(10_000, 100_000_000_000L).map(minor -> Money.ofMinor(minor, code));
        });
    }

    /** Two to eight positive parts in hundredths of a percent that add up to exactly 100%. */
    @Provide
    Arbitrary<List<BigDecimal>> splits() {
        return Arbitraries.integers().between(2, 8).flatMap(n ->
                Arbitraries.integers().between(1, 9_999).list().ofSize(n - 1).uniqueElements()
                        .map(cuts -> {
                            List<Integer> points = new ArrayList<>(cuts);
                            points.add(0);
                            points.add(10_000);
                            points.sort(Integer::compareTo);
                            List<BigDecimal> parts = new ArrayList<>();
                            for (int i = 1; i < points.size(); i++) {
                                parts.add(BigDecimal.valueOf(points.get(i) - points.get(i - 1), 2));
                            }
                            return parts;
                        }));
    }
}
