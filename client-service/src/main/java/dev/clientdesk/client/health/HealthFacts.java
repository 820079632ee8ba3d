package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.MoneyTotal;

/**
 * What is known about a client's cost and conduct: money paid (in the currency of the target rate), time
 * logged against them and against all clients, and the counts that wear a relationship down ({@code nudges}: the
 * follow-ups the client needed before answering, one per conversation and attempt).
 */
public record HealthFacts(MoneyTotal paid, long minutesLogged, long workspaceMinutesLogged, int latePayments,
        int silentEpisodes, int specialRequests, int incidents, int redFlags, int nudges) {
}
