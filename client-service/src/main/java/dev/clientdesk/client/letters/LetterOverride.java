package dev.clientdesk.client.letters;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;

import java.io.Serializable;

/** A workspace's own wording of one letter kind in one language. */
@Entity
public class LetterOverride {

    @Embeddable
    public record Key(String tenantId, @Enumerated(EnumType.STRING) LetterKind kind, String language)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;
    private String subject;
    private String body;
    @Version
    private long version;

    protected LetterOverride() {
    }

    public LetterOverride(Key key, LetterTemplate template) {
        this.key = key;
        replace(template);
    }

    public void replace(LetterTemplate template) {
        this.subject = template.subject();
        this.body = template.body();
    }

    public LetterTemplate template() {
        return new LetterTemplate(subject, body);
    }

    public Key key() { return key; }
    public long version() { return version; }
}
