package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.ProblemException;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Optimistic locking over HTTP: the entity version is the ETag, writes must name it in If-Match. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the body, tagged with the version it shows. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(of(version)).build();
    }

    /** 201 naming the new resource in Location, with the body, tagged with the version it shows. */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(of(version)).build();
    }

    /**
     * @throws ProblemException 428 when If-Match is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag you read, so a concurrent change is not overwritten");
        }
        String expected = "\"" + currentVersion + "\"";
        String given = ifMatch.trim().replaceFirst("^W/", "");
        if (!given.equals("*") && !given.equals(expected)) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "If-Match " + ifMatch.trim() + " is not the current version " + expected
                            + "; read the resource again");
        }
    }
}
