package dev.clientdesk.billing.domain;

/**
 * A project waits for its deposit before any work is billed (seed 002: a client who paid rarely vanishes). An
 * ended project whose started stages are still being finished is WINDING_DOWN until the last one is completed.
 */
public enum ProjectStatus {
    AWAITING_DEPOSIT, ACTIVE, COMPLETED, CANCELLED, WINDING_DOWN
}
