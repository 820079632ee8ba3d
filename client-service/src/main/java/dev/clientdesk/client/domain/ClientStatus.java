package dev.clientdesk.client.domain;

import java.util.Map;
import java.util.Set;

/** LEAD → ACCEPTED → ACTIVE → ENDED, LEAD → DECLINED; an accepted client can also be ended directly. */
public enum ClientStatus {
    LEAD, ACCEPTED, ACTIVE, DECLINED, ENDED;

    private static final Map<ClientStatus, Set<ClientStatus>> ALLOWED = Map.of(
            LEAD, Set.of(ACCEPTED, DECLINED),
            ACCEPTED, Set.of(ACTIVE, ENDED),
            ACTIVE, Set.of(ENDED),
            DECLINED, Set.of(),
            ENDED, Set.of());

    public boolean canMoveTo(ClientStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
