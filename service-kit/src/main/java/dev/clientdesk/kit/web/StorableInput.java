package dev.clientdesk.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.clientdesk.kit.problem.ProblemException;

import io.quarkus.jackson.ObjectMapperCustomizer;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Refuses, as a 400 naming the field, request values PostgreSQL cannot store — the NUL character in any
 * string (body fields, query and path parameters) and instants or dates outside the years 1 to 9999 —
 * instead of letting them fail at insert as a 500.
 */
@Singleton
public class StorableInput implements ObjectMapperCustomizer {

    static final String NUL_MESSAGE = "must not contain the NUL character";
    static final String YEAR_MESSAGE = "must be between the years 1 and 9999";
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** A value the request may not carry; its message is the one the client sees. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("clientdesk-storable-input")
                .addDeserializer(String.class, new NoNul())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        Class<?> type = description.getBeanClass();
                        return type == Instant.class || type == LocalDate.class ? new InYearRange(deserializer)
                                : deserializer;
                    }
                }));
    }

    @ServerRequestFilter
    public void refuseNulInParameters(ContainerRequestContext request) {
        refuseNul(request.getUriInfo().getQueryParameters());
        refuseNul(request.getUriInfo().getPathParameters());
    }

    private static void refuseNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().stream().anyMatch(StorableInput::hasNul)) {
                throw ProblemException.invalidField(parameter.getKey(), NUL_MESSAGE);
            }
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (hasNul(text)) {
                throw new Refused(parser, NUL_MESSAGE, text, String.class);
            }
            return text;
        }
    }

    private static final class InYearRange extends DelegatingDeserializer {
        InYearRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InYearRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            boolean outside = value instanceof Instant instant && (instant.isBefore(FIRST) || instant.isAfter(LAST))
                    || value instanceof LocalDate date && (date.getYear() < 1 || date.getYear() > 9999);
            if (outside) {
                throw new Refused(parser, YEAR_MESSAGE, value, value.getClass());
            }
            return value;
        }
    }
}
