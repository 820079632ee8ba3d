package dev.clientdesk.billing.domain;

import java.util.Map;
import java.util.Set;

/**
 * DRAFT → SENT → PARTIALLY_PAID → PAID; DRAFT and SENT can be voided. A part-paid invoice is SETTLED when the
 * relationship ends: the offboarding settlement's refund or final invoice replaces what it still asked for.
 */
public enum InvoiceStatus {
    DRAFT, SENT, PARTIALLY_PAID, PAID, VOID, SETTLED;

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> ALLOWED = Map.of(
            DRAFT, Set.of(SENT, VOID),
            SENT, Set.of(PARTIALLY_PAID, PAID, VOID),
            PARTIALLY_PAID, Set.of(PARTIALLY_PAID, PAID, SETTLED),
            PAID, Set.of(),
            VOID, Set.of(),
            SETTLED, Set.of());

    public boolean canMoveTo(InvoiceStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
