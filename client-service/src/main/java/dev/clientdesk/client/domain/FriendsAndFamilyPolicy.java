package dev.clientdesk.client.domain;

/** What the workspace does when a friend or relative asks for work (domain.md, red flag 9). */
public enum FriendsAndFamilyPolicy {
    DECLINE_AND_REFER, ACCEPT_WITH_CONTRACT, REVIEW
}
