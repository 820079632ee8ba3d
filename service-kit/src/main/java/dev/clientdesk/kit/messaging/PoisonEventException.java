package dev.clientdesk.kit.messaging;

/**
 * An event this service must never apply, however often it is tried: it cannot be decoded, fails
 * validation, has an unknown version, or contradicts what this service knows (another workspace's client).
 * The consumer dead-letters it at once.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
