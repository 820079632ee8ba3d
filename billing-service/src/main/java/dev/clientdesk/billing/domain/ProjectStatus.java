package dev.clientdesk.billing.domain;

/**
 * A project waits for its deposit before any work is billed: a client who has paid something rarely disappears
 * (docs/domain.md#contracts). An ended project whose started stages are still being finished is WINDING_DOWN until
 * the last one is completed.
 */
public enum ProjectStatus {
    AWAITING_DEPOSIT, ACTIVE, COMPLETED, CANCELLED, WINDING_DOWN
}
