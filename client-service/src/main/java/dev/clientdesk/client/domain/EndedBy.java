package dev.clientdesk.client.domain;

/** Who ends a relationship: only when the client does is the contract's cancellation fee due. */
public enum EndedBy {
    FREELANCER, CLIENT
}
