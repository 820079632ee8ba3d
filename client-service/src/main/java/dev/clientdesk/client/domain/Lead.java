package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

/** What screening knows about a prospective client. */
public record Lead(Relationship relationship, String requestedService, Money budget, IntakeSignals signals,
        boolean previouslyEnded) {

    public Lead {
        signals = signals == null ? IntakeSignals.NONE : signals;
        relationship = relationship == null ? Relationship.STRANGER : relationship;
    }
}
