package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.ProblemException;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic locking over HTTP: the entity version is the ETag, writes must name it in If-Match. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
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
