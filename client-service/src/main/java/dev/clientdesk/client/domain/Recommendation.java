package dev.clientdesk.client.domain;

public enum Recommendation {
    ACCEPT, REVIEW, DECLINE
}
