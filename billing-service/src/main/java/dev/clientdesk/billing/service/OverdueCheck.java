package dev.clientdesk.billing.service;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;

/** Looks for invoices past due on a schedule ({@code billing.overdue-check}, hourly by default). */
@ApplicationScoped
public class OverdueCheck {

    private static final int BATCH = 500;

    private final InvoiceService invoices;

    public OverdueCheck(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Scheduled(every = "${billing.overdue-check:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        while (invoices.markOverdue(BATCH) == BATCH) {
            // keep going until a batch comes back short
        }
    }
}
