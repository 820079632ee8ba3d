package dev.clientdesk.kit.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency, written {@code {"amount": "1250.00", "currency": "EUR"}}: a decimal
 * string, never a float, with no more decimals than the currency has.
 */
@Schema(description = "Money: a decimal string amount and an ISO 4217 currency",
        example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record Money(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "1250.00") BigDecimal amount,
        @Schema(example = "EUR") String currency) {

    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    @JsonCreator
    public Money(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") String currency) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        Currency iso = currencyOf(currency);
        int digits = Math.max(iso.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(currency + " has " + digits + " decimal places, got " + amount.toPlainString());
        }
        if (amount.abs().compareTo(MAX) >= 0) {
            throw new IllegalArgumentException("amount is too large");
        }
        this.amount = amount.setScale(digits);
        this.currency = iso.getCurrencyCode();
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money ofMinor(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, fractionDigits(currency)), currency);
    }

    public static int fractionDigits(String currency) {
        return Math.max(currencyOf(currency).getDefaultFractionDigits(), 0);
    }

    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(Objects.requireNonNull(other).currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private static Currency currencyOf(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(code + " is not a currency of account");
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, got " + code);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    public static class CurrencyMismatchException extends IllegalArgumentException {
        public CurrencyMismatchException(String expected, String actual) {
            super("currency " + actual + " does not match " + expected);
        }
    }
}
