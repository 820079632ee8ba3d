package dev.clientdesk.followup.domain;

/** OPEN while we wait for a reply; SILENT after the last nudge went unanswered; CLOSED when it is settled. */
public enum ConversationStatus {
    OPEN, SILENT, CLOSED
}
