package dev.clientdesk.client.domain;

public enum Relationship {
    STRANGER, REFERRAL, FRIEND, FAMILY;

    public boolean isPersonal() {
        return this == FRIEND || this == FAMILY;
    }
}
