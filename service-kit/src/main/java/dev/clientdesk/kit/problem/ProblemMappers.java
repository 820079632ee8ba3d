package dev.clientdesk.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.clientdesk.kit.web.StorableInput;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one place where failures become problem+json: no stack traces, no class names, no 500 for bad input. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri),
                errors));
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class}, priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof StorableInput.Refused refused) {
            message = refused.getOriginalMessage();
        } else if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            message = invalid.getCause().getMessage();
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            message = "has the wrong type or format";
        } else {
            message = "the body is not valid JSON";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? message : field + ": " + message;
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri),
                errors));
    }

    /**
     * A concurrent writer won. With If-Match the caller's version is stale, which is a 412 like any stale
     * If-Match; without it, it is a conflict to retry.
     */
    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        String ifMatch = headers == null ? null : headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            return respond(new Problem(Problem.TYPE_BASE + "stale-version", "Precondition failed", 412,
                    "If-Match " + ifMatch.trim() + " is no longer the current version; read the resource again",
                    path(uri), List.of()));
        }
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-modification", "Conflict", 409,
                "the resource was changed by another request; read it again and retry", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("constraint %s violated", e.getConstraintName());
        return respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                "the request conflicts with existing data", path(uri), List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthenticated", "Unauthenticated",
                401, "a valid bearer token is required", path(uri), List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "the token does not allow this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : reason.toLowerCase();
        return respond(new Problem(Problem.TYPE_BASE + slug(reason), reason, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response lockContention(PessimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-modification", "Conflict", 409,
                "another request was changing the same data; retry", path(uri), List.of()));
    }

    /**
     * Everything else. A failure at commit arrives wrapped (a RollbackException around an optimistic-lock or
     * constraint failure, say); the cause chain is searched for one of the failures mapped above first.
     */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleVersion(null, uri, headers);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException constraint) {
                return databaseConstraint(constraint, uri);
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockAcquisitionException) {
                return lockContention(null, uri);
            }
            if (cause instanceof jakarta.validation.ConstraintViolationException validation) {
                return validation(validation, uri);
            }
        }
        LOG.error("unexpected failure on " + path(uri), e);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the request could not be completed; it has been logged", path(uri), List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.email" → "email"; a bare query parameter keeps its own name.
        String last = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                last = node.getName();
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? (last == null ? "request" : last) : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
