package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a fee into a deposit and stages by percent, to the cent (or whatever the currency's minor unit
 * is). Each part first gets its share rounded down; the minor units left over go one by one to the parts
 * with the largest rounding loss, earlier parts first on ties, so the parts always add up to the fee and
 * the same input always gives the same schedule.
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
        validate(fee, percents);
        BigInteger total = BigInteger.valueOf(fee.minorUnits());
        List<BigInteger> parts = new ArrayList<>();
        List<BigDecimal> losses = new ArrayList<>();
        for (BigDecimal percent : percents) {
            BigDecimal exact = new BigDecimal(total).multiply(percent).divide(HUNDRED);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts.add(floor.toBigIntegerExact());
            losses.add(exact.subtract(floor));
        }
        long leftover = total.subtract(parts.stream().reduce(BigInteger.ZERO, BigInteger::add)).longValueExact();
        List<Integer> order = IntStream.range(0, parts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> losses.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int n = 0; n < leftover; n++) {
            int index = order.get(n);
            parts.set(index, parts.get(index).add(BigInteger.ONE));
        }
        if (parts.stream().anyMatch(part -> part.signum() == 0)) {
            throw new ScheduleException("totalFee.amount", "the fee " + fee + " is too small for this split:"
                    + " a part would be zero");
        }
        return parts.stream().map(minor -> Money.ofMinor(minor.longValueExact(), fee.currency())).toList();
    }

    public static void validate(Money fee, List<BigDecimal> percents) {
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
            throw new ScheduleException("milestones", "deposit and milestones must total exactly 100%, they total "
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
