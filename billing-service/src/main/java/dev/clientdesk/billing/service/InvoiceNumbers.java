package dev.clientdesk.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Gapless invoice numbers per workspace and year ({@code 2026-0001}): the counter row stays locked until
 * the issuing transaction ends, and a rolled-back issue gives its number back.
 */
@ApplicationScoped
public class InvoiceNumbers {

    private final EntityManager em;

    public InvoiceNumbers(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String tenantId, int year) {
        Number last = (Number) em.createNativeQuery("""
                INSERT INTO invoice_counter (tenant_id, year, last) VALUES (?1, ?2, 1)
                ON CONFLICT (tenant_id, year) DO UPDATE SET last = invoice_counter.last + 1
                RETURNING last""")
                .setParameter(1, tenantId).setParameter(2, year)
                .getSingleResult();
        return String.format("%d-%04d", year, last.intValue());
    }
}
