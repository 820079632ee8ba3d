package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a fee into a deposit and stages by percent, to the cent (or whatever the currency's minor unit
 * is). Each part first gets its share rounded down; the minor units left over go one by one to the parts
 * with the largest rounding loss, earlier parts first on ties, so the parts always add up to the fee and
 * the same input always gives the same schedule. A change of fee or scope splits what the deposit and the
 * completed stages leave among the remaining stages by the same rule.
 */
public final class PaymentSchedule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PaymentSchedule() {
    }

    /**
     * @param percents the deposit first, then each stage; each above 0, together exactly 100
     * @throws ScheduleException when the split is not valid
     */
    public static List<Money> allocate(Money fee, List<BigDecimal> percents) {
        return split(fee, percents, "deposit and milestones");
    }

    /**
     * Splits what is left of a changed fee among the remaining stages by their percent shares of it, by the
     * same rule as {@link #allocate}.
     * @param percents each remaining stage's share of {@code remaining}; each above 0, together exactly 100
     */
    public static List<Money> allocateRemaining(Money remaining, List<BigDecimal> percents) {
        return split(remaining, percents, "the remaining stages");
    }

    /**
     * Splits an amount in proportion to the given parts (a changed fee spread over the stages as they stood),
     * by the same rule as {@link #allocate}.
     */
    public static List<Money> reproportion(Money amount, List<Money> parts) {
        if (parts.isEmpty()) {
            throw new ScheduleException("milestones", "a schedule needs at least one part");
        }
        List<BigInteger> weights = parts.stream().map(part -> {
            amount.requireSameCurrency(part);
            return BigInteger.valueOf(part.minorUnits());
        }).toList();
        return toMoney(amount, largestRemainder(amount, weights));
    }

    private static List<Money> split(Money fee, List<BigDecimal> percents, String parts) {
        validate(fee, percents, parts);
        // Percents have at most two decimals, so in hundredths of a percent they are whole weights of 10,000.
        List<BigInteger> weights = percents.stream().map(p -> p.movePointRight(2).toBigIntegerExact()).toList();
        return toMoney(fee, largestRemainder(fee, weights));
    }

    /**
     * Each part first gets its share rounded down; the minor units left over go one by one to the parts with the
     * largest rounding loss, earlier parts first on ties.
     */
    private static List<BigInteger> largestRemainder(Money amount, List<BigInteger> weights) {
        BigInteger total = BigInteger.valueOf(amount.minorUnits());
        BigInteger sum = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        List<BigInteger> parts = new ArrayList<>();
        List<BigInteger> losses = new ArrayList<>();
        for (BigInteger weight : weights) {
            BigInteger[] share = total.multiply(weight).divideAndRemainder(sum);
            parts.add(share[0]);
            losses.add(share[1]);
        }
        long leftover = total.subtract(parts.stream().reduce(BigInteger.ZERO, BigInteger::add)).longValueExact();
        List<Integer> order = IntStream.range(0, parts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> losses.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int n = 0; n < leftover; n++) {
            int index = order.get(n);
            parts.set(index, parts.get(index).add(BigInteger.ONE));
        }
        return parts;
    }

    private static List<Money> toMoney(Money fee, List<BigInteger> parts) {
        if (parts.stream().anyMatch(part -> part.signum() == 0)) {
            throw new ScheduleException("totalFee.amount", "the fee " + fee + " is too small for this split:"
                    + " a part would be zero");
        }
        return parts.stream().map(minor -> Money.ofMinor(minor.longValueExact(), fee.currency())).toList();
    }

    public static void validate(Money fee, List<BigDecimal> percents) {
        validate(fee, percents, "deposit and milestones");
    }

    private static void validate(Money fee, List<BigDecimal> percents, String parts) {
        if (fee.amount().signum() <= 0) {
            throw new ScheduleException("totalFee.amount", "must be more than zero");
        }
        if (percents.isEmpty()) {
            throw new ScheduleException("milestones", "a schedule needs at least one part");
        }
        for (BigDecimal percent : percents) {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new ScheduleException("milestones", "every percent must be above 0 and at most 100");
            }
            if (percent.stripTrailingZeros().scale() > 2) {
                throw new ScheduleException("milestones", "percents have at most two decimals, got " + percent);
            }
        }
        BigDecimal sum = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) != 0) {
            throw new ScheduleException("milestones", parts + " must total exactly 100%, they total "
                    + sum.stripTrailingZeros().toPlainString() + "%");
        }
    }

    /** A split that cannot be scheduled, naming the request field at fault. */
    public static class ScheduleException extends IllegalArgumentException {
        private final String field;

        public ScheduleException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
