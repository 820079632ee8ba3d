package dev.clientdesk.client.domain;

/**
 * How a relationship ends: who ends it, and whether stages already started are still finished and billed
 * (otherwise they count as unfinished). Missing values mean FREELANCER and true.
 */
public record Ending(EndedBy endedBy, boolean finishCommittedWork) {

    public static final Ending DEFAULT = new Ending(EndedBy.FREELANCER, true);

    public Ending {
        endedBy = endedBy == null ? EndedBy.FREELANCER : endedBy;
    }

    public static Ending of(EndedBy endedBy, Boolean finishCommittedWork) {
        return new Ending(endedBy, finishCommittedWork == null || finishCommittedWork);
    }
}
