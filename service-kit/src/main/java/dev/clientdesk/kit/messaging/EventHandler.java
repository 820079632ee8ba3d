package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.events.CloudEvent;

import java.util.Set;

/**
 * A service's reaction to events from one topic. {@link #handle} runs inside a transaction that also
 * records the event id, so a redelivered event is never handled twice.
 */
public interface EventHandler {

    String topic();

    Set<String> eventTypes();

    void handle(CloudEvent event);
}
