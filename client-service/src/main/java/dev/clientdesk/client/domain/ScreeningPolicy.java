package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

import java.util.List;
import java.util.Locale;

/** The parts of the workspace policy a screening compares a lead with. */
public record ScreeningPolicy(List<String> servicesOffered, Money minimumBudget,
        FriendsAndFamilyPolicy friendsAndFamily) {

    public ScreeningPolicy {
        servicesOffered = servicesOffered == null ? List.of() : List.copyOf(servicesOffered);
        friendsAndFamily = friendsAndFamily == null ? FriendsAndFamilyPolicy.REVIEW : friendsAndFamily;
    }

    /** An empty list means the workspace has not narrowed its services: nothing is "outside". */
    boolean offers(String requestedService) {
        if (servicesOffered.isEmpty() || requestedService == null || requestedService.isBlank()) {
            return true;
        }
        String wanted = normalise(requestedService);
        return servicesOffered.stream().map(ScreeningPolicy::normalise).anyMatch(wanted::equals);
    }

    private static String normalise(String service) {
        return service.trim().toLowerCase(Locale.ROOT);
    }
}
