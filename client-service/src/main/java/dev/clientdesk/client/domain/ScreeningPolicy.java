package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

import java.util.List;

/**
 * The parts of the workspace policy a screening compares a lead with, and the language its reasons are
 * written in (the workspace's).
 */
public record ScreeningPolicy(List<String> servicesOffered, Money minimumBudget,
        FriendsAndFamilyPolicy friendsAndFamily, List<String> idealClientTraits, List<String> unwantedTraits,
        String locale) {

    public ScreeningPolicy {
        servicesOffered = servicesOffered == null ? List.of() : List.copyOf(servicesOffered);
        friendsAndFamily = friendsAndFamily == null ? FriendsAndFamilyPolicy.REVIEW : friendsAndFamily;
        idealClientTraits = idealClientTraits == null ? List.of() : List.copyOf(idealClientTraits);
        unwantedTraits = unwantedTraits == null ? List.of() : List.copyOf(unwantedTraits);
    }

    public ScreeningPolicy(List<String> servicesOffered, Money minimumBudget, FriendsAndFamilyPolicy friendsAndFamily) {
        this(servicesOffered, minimumBudget, friendsAndFamily, List.of(), List.of(), null);
    }

    /**
     * An empty list means the workspace has not narrowed its services: nothing is "outside". Otherwise the
     * requested service must match an offered one word by word: every word of the shorter of the two names
     * is in the longer ("logo" is within "logo design", and "brand identity and logo" within "brand identity").
     */
    boolean offers(String requestedService) {
        List<String> wanted = Words.of(requestedService);
        if (servicesOffered.isEmpty() || wanted.isEmpty()) {
            return true;
        }
        return servicesOffered.stream().map(Words::of).filter(offered -> !offered.isEmpty()).anyMatch(offered ->
                wanted.size() <= offered.size() ? Words.allIn(wanted, offered) : Words.allIn(offered, wanted));
    }

    /**
     * The traits whose every word of three or more letters is among the words the lead used about what they
     * need (their stated needs and the service they asked for).
     */
    static List<String> matching(List<String> traits, List<String> leadWords) {
        return traits.stream().filter(trait -> Words.allIn(significant(trait), leadWords)).toList();
    }

    private static List<String> significant(String trait) {
        return Words.of(trait).stream().filter(w -> w.length() >= Words.MIN_STEM).toList();
    }
}
