package dev.clientdesk.kit.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sum or rate of {@link Money}, written like Money but without its upper bound: many amounts each below
 * the bound may add up to more than it, and a report of them must still answer.
 */
@Schema(description = "A total of money: a decimal string amount and an ISO 4217 currency",
        example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyTotal(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "1250.00") BigDecimal amount,
        @Schema(example = "EUR") String currency) {

    /** Rounds to the currency's minor unit, half up. */
    public MoneyTotal {
        amount = amount.setScale(Money.fractionDigits(currency), RoundingMode.HALF_UP);
    }

    public static MoneyTotal zero(String currency) {
        return new MoneyTotal(BigDecimal.ZERO, currency);
    }

    public static MoneyTotal of(Money money) {
        return new MoneyTotal(money.amount(), money.currency());
    }

    public MoneyTotal plus(MoneyTotal other) {
        return new MoneyTotal(amount.add(sameCurrency(other).amount), currency);
    }

    public MoneyTotal minus(MoneyTotal other) {
        return new MoneyTotal(amount.subtract(sameCurrency(other).amount), currency);
    }

    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(of(other)).amount);
    }

    /** This amount per hour of {@code minutes}, or null when there are none. */
    public MoneyTotal perHour(long minutes) {
        if (minutes <= 0) {
            return null;
        }
        return new MoneyTotal(amount.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes),
                Money.fractionDigits(currency), RoundingMode.HALF_UP), currency);
    }

    private MoneyTotal sameCurrency(MoneyTotal other) {
        if (!currency.equals(other.currency)) {
            throw new Money.CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
