package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

/** What screening knows about a prospective client; {@code needs} is what they said they need, in their words. */
public record Lead(Relationship relationship, String requestedService, String needs, Money budget,
        IntakeSignals signals, boolean previouslyEnded) {

    public Lead {
        signals = signals == null ? IntakeSignals.NONE : signals;
        relationship = relationship == null ? Relationship.STRANGER : relationship;
    }

    public Lead(Relationship relationship, String requestedService, Money budget, IntakeSignals signals,
            boolean previouslyEnded) {
        this(relationship, requestedService, null, budget, signals, previouslyEnded);
    }

    public Lead withSignals(IntakeSignals merged) {
        return new Lead(relationship, requestedService, needs, budget, merged, previouslyEnded);
    }
}
