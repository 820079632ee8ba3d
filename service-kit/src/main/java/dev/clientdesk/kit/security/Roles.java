package dev.clientdesk.kit.security;

/** Roles carried in a bearer token's {@code groups} claim. A workspace's own calls need none of them. */
public final class Roles {

    /** Operators of the deployment: dead-letter replay and the outbox's set-aside rows, across workspaces. */
    public static final String OPERATOR = "clientdesk-operator";

    private Roles() {
    }
}
