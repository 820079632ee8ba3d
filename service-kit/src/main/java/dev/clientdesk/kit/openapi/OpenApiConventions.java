package dev.clientdesk.kit.openapi;

import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.problem.Problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the API conventions every service shares into its OpenAPI document, so that no resource has to
 * repeat them: the bearer requirement, the problem+json error responses an operation can actually give
 * (decided from its shape: a body or parameters can be invalid, an id can be unknown, a write can
 * conflict, {@code If-Match} can be stale or missing, an {@code Idempotency-Key} can be reused, any request
 * can exceed its workspace's rate and a body can find too many others arriving), the
 * meaning of the two headers, stable operation ids, and an example for every request and response body.
 */
public class OpenApiConventions implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";

    private final ExampleComposer examples = new ExampleComposer();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        for (StandardError error : StandardError.values()) {
            components.addResponse(error.name(), error.response());
        }
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        List<Operation> operations = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            conform(path, method, operation, schemas);
            operations.add(operation);
        }));
        Map<String, String> operationIds = OperationIds.readable(operations.stream()
                .map(Operation::getOperationId).filter(Objects::nonNull).toList());
        operations.forEach(operation -> operation.setOperationId(operationIds.get(operation.getOperationId())));
    }

    private void conform(String path, PathItem.HttpMethod method, Operation operation, Map<String, Schema> schemas) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(OpenApiConventions::describeHeader);
        for (StandardError error : StandardError.values()) {
            if (error.applies(path, method, operation, parameters)) {
                operation.getResponses().addAPIResponse(error.status(), OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + error.name()));
            }
        }
        if (operation.getRequestBody() != null) {
            closeRequestSchemas(operation.getRequestBody().getContent(), schemas);
            addExamples(operation.getRequestBody().getContent(), schemas);
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                addExamples(response.getContent(), schemas);
            }
        });
    }

    private void addExamples(Content content, Map<String, Schema> schemas) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            if (mediaType.getExample() == null && mediaType.getExamples() == null && mediaType.getSchema() != null) {
                mediaType.setExample(examples.compose(mediaType.getSchema(), schemas));
            }
        }
    }

    /** Request bodies refuse unknown fields (a typo must not be ignored), so their schemas say so. */
    private static void closeRequestSchemas(Content content, Map<String, Schema> schemas) {
        if (content == null || content.getMediaTypes() == null || schemas == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            String ref = mediaType.getSchema() == null ? null : mediaType.getSchema().getRef();
            Schema body = ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (body != null && body.getProperties() != null) {
                body.setAdditionalPropertiesBoolean(false);
            }
        }
    }

    private static void describeHeader(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.HEADER || parameter.getDescription() != null) {
            return;
        }
        if ("If-Match".equalsIgnoreCase(parameter.getName())) {
            parameter.setRequired(true);
            parameter.setDescription("The ETag you read; a stale one is refused with 412, none with 428");
            parameter.setExample("\"3\"");
        } else if (IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName())) {
            parameter.setDescription("Makes a retry safe: the same key with the same body replays the first "
                    + "response, with another body it is refused with 422");
            parameter.setExample("3f0c9a52-5c0e-4b8e-9d0e-2a1c7e6f4b10");
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text.description("The offending field, parameter or header"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; a validation problem lists the offending fields in errors")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }

    /** The problems an operation can give, and from which of its traits each follows. */
    enum StandardError {
        BadRequest(400, "validation", "Invalid request",
                "A field, parameter or header is missing or invalid; errors[].field names each one",
                "name: must not be blank"),
        Unauthorized(401, "unauthenticated", "Unauthenticated",
                "No bearer token, or one that is expired, wrongly signed or from another issuer",
                "a valid bearer token is required"),
        Forbidden(403, "forbidden", "Forbidden",
                "The token lacks the role the operation needs: operations under /v1/admin are for operators",
                "the token does not allow this"),
        NotFound(404, "not-found", "Not found",
                "No such resource in your workspace (another workspace's ids are not found either)",
                "client 8c1d2f4e-6a7b-4c3d-9e8f-0a1b2c3d4e5f does not exist"),
        Conflict(409, "conflict", "Conflict",
                "The request is valid but the resource's state does not allow it now",
                "a declined client cannot be accepted"),
        PreconditionFailed(412, "stale-version", "Precondition failed",
                "If-Match does not match the current ETag: someone changed the resource since you read it",
                "If-Match \"2\" is not the current version \"3\"; read the resource again"),
        UnprocessableEntity(422, "idempotency-key-reused", "Unprocessable request",
                "The Idempotency-Key was already used with a different request body",
                "this Idempotency-Key was used with a different request"),
        PreconditionRequired(428, "precondition-required", "Precondition required",
                "Updates need If-Match with the ETag you read", "If-Match is required"),
        TooManyRequests(429, "rate-limited", "Too many requests",
                "The workspace sent more requests a second than allowed; retry after Retry-After seconds",
                "this workspace sent more than 50 requests a second; retry after 1 s"),
        ServiceUnavailable(503, "busy", "Service unavailable",
                "Too many request bodies are arriving at once; retry after Retry-After seconds",
                "too many request bodies are arriving at once; retry after 30 s");

        private final int status;
        private final String slug;
        private final String title;
        private final String description;
        private final String detail;

        StandardError(int status, String slug, String title, String description, String detail) {
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.description = description;
            this.detail = detail;
        }

        String status() {
            return Integer.toString(status);
        }

        boolean applies(String path, PathItem.HttpMethod method, Operation operation, List<Parameter> parameters) {
            boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            switch (this) {
                case BadRequest:
                    return operation.getRequestBody() != null || !parameters.isEmpty();
                case Forbidden:
                    return path.startsWith("/v1/admin/") || operation.getResponses().hasAPIResponse("403");
                case NotFound:
                    return path.contains("{");
                case Conflict:
                    return write;
                case PreconditionFailed:
                case PreconditionRequired:
                    return hasHeader(parameters, "If-Match");
                case UnprocessableEntity:
                    return hasHeader(parameters, IdempotentRequests.HEADER);
                case ServiceUnavailable:
                    return operation.getRequestBody() != null;
                default:
                    return true;
            }
        }

        APIResponse response() {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.TYPE_BASE + slug);
            example.put("title", title);
            example.put("status", status);
            example.put("detail", detail);
            example.put("instance", "/v1/clients/8c1d2f4e-6a7b-4c3d-9e8f-0a1b2c3d4e5f");
            if (status == 400) {
                example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
            }
            MediaType mediaType = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA))
                    .example(example);
            APIResponse response = OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
            if (status == 429 || status == 503) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)).example(1));
            }
            return response;
        }

        private static boolean hasHeader(List<Parameter> parameters, String name) {
            return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                    && name.equalsIgnoreCase(p.getName()));
        }
    }
}
