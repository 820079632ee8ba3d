package dev.clientdesk.billing.domain;

/**
 * How a relationship or a project ends: who ended it (the cancellation fee is due only when the client did) and
 * whether the stages already started are still finished and billed.
 */
public record Ending(EndedBy endedBy, boolean finishCommittedWork, String reason) {

    public enum EndedBy { FREELANCER, CLIENT }

    /** A missing {@code endedBy} is the freelancer, a missing {@code finishCommittedWork} is true. */
    public static Ending of(EndedBy endedBy, Boolean finishCommittedWork, String reason) {
        return new Ending(endedBy == null ? EndedBy.FREELANCER : endedBy,
                finishCommittedWork == null || finishCommittedWork, reason);
    }

    public boolean cancellationFeeDue() {
        return endedBy == EndedBy.CLIENT;
    }
}
