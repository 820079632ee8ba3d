package dev.clientdesk.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clientdesk.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stripe's {@code Idempotency-Key} semantics for POSTs that create things: the first request with a key
 * runs and its response is stored in the same transaction as its effect; a retry with the same key and
 * body gets that response again; the same key with another body is a 422. A concurrent retry waits on
 * the key's row lock and then replays.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param operation a name for the endpoint ("POST /v1/clients"), so one key cannot replay another call
     * @param request   the parsed request body, compared by content
     */
    public Response execute(String tenantId, String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(operation, request);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (claim(tenantId, key, hash)) {
                Response response = action.get();
                store(tenantId, key, response);
                return response;
            }
            return replay(tenantId, key, hash);
        });
    }

    private boolean claim(String tenantId, String key, String hash) {
        return entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (tenant_id, idem_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .executeUpdate() == 1;
    }

    private void store(String tenantId, String key, Response response) {
        Object location = response.getHeaders().getFirst("Location");
        EntityTag etag = response.getEntityTag();
        entityManager.createNativeQuery("""
                UPDATE idempotency_key SET status_code = ?3, response_body = ?4, location = ?5, etag = ?6
                WHERE tenant_id = ?1 AND idem_key = ?2""")
                .setParameter(1, tenantId).setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, response.hasEntity() ? json(response.getEntity()) : null)
                .setParameter(5, location == null ? null : location.toString())
                .setParameter(6, etag == null ? null : etag.getValue())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Response replay(String tenantId, String key, String hash) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT request_hash, status_code, response_body, location, etag FROM idempotency_key
                WHERE tenant_id = ?1 AND idem_key = ?2""")
                .setParameter(1, tenantId).setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key " + key + " was already used with a different request");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            replay.entity(readTree((String) row[2])).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row[3] != null) {
            replay.location(URI.create((String) row[3]));
        }
        if (row[4] != null) {
            replay.tag(new EntityTag((String) row[4]));
        }
        return replay.build();
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }
}
