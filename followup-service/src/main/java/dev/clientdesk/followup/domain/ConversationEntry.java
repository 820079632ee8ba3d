package dev.clientdesk.followup.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import java.time.Instant;
import java.util.UUID;

/** One line of a conversation's history: opened, nudged, replied, paused, closed… */
@Entity
public class ConversationEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_entry_ids")
    @SequenceGenerator(name = "conversation_entry_ids", sequenceName = "conversation_entry_id_seq", allocationSize = 50)
    private Long id;
    private UUID conversationId;
    private Instant at;
    private String kind;
    private String note;

    protected ConversationEntry() {
    }

    public ConversationEntry(UUID conversationId, Instant at, String kind, String note) {
        this.conversationId = conversationId;
        this.at = at;
        this.kind = kind;
        this.note = note;
    }

    public Instant at() { return at; }
    public String kind() { return kind; }
    public String note() { return note; }
}
