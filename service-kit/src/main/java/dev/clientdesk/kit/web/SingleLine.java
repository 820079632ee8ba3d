package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.ProblemException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Text that must stay on one line because it can end up in a mail header (a subject, a name, an address): a CR
 * or LF there would let the caller start headers of their own, such as a {@code Bcc:}. A request field carrying
 * one is a 400 naming the field; {@link Rule#require} applies the same rule to a stored value about to be mailed.
 */
@Documented
@Constraint(validatedBy = SingleLine.Rule.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String MESSAGE = "must be a single line (no CR or LF)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule: no carriage return, no line feed; null is left to {@code @NotNull}. */
    final class Rule implements ConstraintValidator<SingleLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isSingleLine(value);
        }

        public static boolean isSingleLine(String value) {
            return value == null || value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
        }

        /** The value, or a 400 naming {@code field} if it spans lines. */
        public static String require(String field, String value) {
            if (!isSingleLine(value)) {
                throw ProblemException.invalidField(field, MESSAGE);
            }
            return value;
        }
    }
}
