package dev.clientdesk.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import dev.clientdesk.kit.problem.ProblemException;

import io.quarkus.jackson.ObjectMapperCustomizer;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store the NUL character in text, so a NUL anywhere in a request's strings — body
 * fields, query or path parameters — is refused as a 400 naming the field, instead of failing at insert.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    static final String MESSAGE = "must not contain the NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("clientdesk-no-nul").addDeserializer(String.class, new Refusing()));
    }

    @ServerRequestFilter
    public void refuseInParameters(ContainerRequestContext request) {
        refuse(request.getUriInfo().getQueryParameters());
        refuse(request.getUriInfo().getPathParameters());
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().stream().anyMatch(NulCharacters::hasNul)) {
                throw ProblemException.invalidField(parameter.getKey(), MESSAGE);
            }
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (hasNul(text)) {
                throw InvalidFormatException.from(parser, MESSAGE, text, String.class);
            }
            return text;
        }
    }
}
