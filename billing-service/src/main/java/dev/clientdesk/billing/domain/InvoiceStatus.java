package dev.clientdesk.billing.domain;

import java.util.Map;
import java.util.Set;

/** DRAFT → SENT → PARTIALLY_PAID → PAID; DRAFT and SENT can be voided. */
public enum InvoiceStatus {
    DRAFT, SENT, PARTIALLY_PAID, PAID, VOID;

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> ALLOWED = Map.of(
            DRAFT, Set.of(SENT, VOID),
            SENT, Set.of(PARTIALLY_PAID, PAID, VOID),
            PARTIALLY_PAID, Set.of(PARTIALLY_PAID, PAID),
            PAID, Set.of(),
            VOID, Set.of());

    public boolean canMoveTo(InvoiceStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
