package dev.clientdesk.client.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

@Entity
public class ClientNote {

    @Id
    private UUID id;
    private String tenantId;
    private UUID clientId;
    @Enumerated(EnumType.STRING)
    private NoteKind kind;
    private String text;
    private Instant createdAt;

    protected ClientNote() {
    }

    public ClientNote(String tenantId, UUID clientId, NoteKind kind, String text, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.kind = kind;
        this.text = text;
        this.createdAt = now;
    }

    public UUID id() { return id; }
    public UUID clientId() { return clientId; }
    public NoteKind kind() { return kind; }
    public String text() { return text; }
    public Instant createdAt() { return createdAt; }
}
