package dev.clientdesk.billing.domain;

/** A project waits for its deposit before any work is billed (seed 002: a client who paid rarely vanishes). */
public enum ProjectStatus {
    AWAITING_DEPOSIT, ACTIVE, COMPLETED, CANCELLED
}
