package dev.clientdesk.client.domain;

/**
 * What the workspace does when a friend or relative asks for work: decline and refer, accept with a contract, or
 * review (docs/domain.md#the-recommendation).
 */
public enum FriendsAndFamilyPolicy {
    DECLINE_AND_REFER, ACCEPT_WITH_CONTRACT, REVIEW
}
