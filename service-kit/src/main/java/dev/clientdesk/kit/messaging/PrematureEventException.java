package dev.clientdesk.kit.messaging;

/**
 * An event about something this service has not heard of yet. Topics are not ordered against each other,
 * so the event it depends on (a client's own event) may still be on its way: the consumer tries again
 * later instead of guessing, and never drops it.
 */
public class PrematureEventException extends RuntimeException {

    public PrematureEventException(String message) {
        super(message);
    }
}
