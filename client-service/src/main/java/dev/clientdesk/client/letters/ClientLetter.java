package dev.clientdesk.client.letters;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A letter prepared for a client, kept so you can see what was said. */
@Entity
public class ClientLetter {

    @Id
    private UUID id;
    private String tenantId;
    private UUID clientId;
    @Enumerated(EnumType.STRING)
    private LetterKind kind;
    private String language;
    private String subject;
    private String body;
    private Instant createdAt;

    protected ClientLetter() {
    }

    public ClientLetter(String tenantId, UUID clientId, Letter letter, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.kind = letter.kind();
        this.language = letter.locale();
        this.subject = letter.subject();
        this.body = letter.body();
        this.createdAt = now;
    }

    public Letter letter() {
        return new Letter(kind, language, subject, body);
    }

    public UUID id() { return id; }
    public Instant createdAt() { return createdAt; }
}
