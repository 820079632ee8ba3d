package dev.clientdesk.client.service;

import dev.clientdesk.client.letters.Letter;
import dev.clientdesk.client.letters.LetterCatalogue;
import dev.clientdesk.client.letters.LetterKind;
import dev.clientdesk.client.letters.LetterOverride;
import dev.clientdesk.client.letters.LetterRenderer;
import dev.clientdesk.client.letters.LetterTemplate;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.TreeSet;

/** Built-in letter templates, a workspace's overrides of them, and rendering. */
@ApplicationScoped
public class LetterService {

    private final EntityManager em;
    private final LetterCatalogue catalogue = LetterCatalogue.load();
    private final LetterRenderer renderer = new LetterRenderer(catalogue);

    public LetterService(EntityManager em) {
        this.em = em;
    }

    public record EffectiveTemplate(LetterKind kind, String language, String subject, String body, boolean overridden,
            long version) {
    }

    public Letter render(String tenantId, LetterKind kind, String locale, LetterRenderer.Context context) {
        LetterOverride override = find(tenantId, kind, LetterCatalogue.language(locale));
        return renderer.render(kind, locale, override == null ? null : override.template(), context);
    }

    public EffectiveTemplate effective(String tenantId, LetterKind kind, String language) {
        requireSupported(language);
        LetterOverride override = find(tenantId, kind, language);
        LetterTemplate template = override == null ? catalogue.template(kind, language) : override.template();
        return new EffectiveTemplate(kind, language, template.subject(), template.body(), override != null,
                override == null ? 0 : override.version());
    }

    @Transactional
    public EffectiveTemplate override(String tenantId, LetterKind kind, String language, String ifMatch,
            LetterTemplate template) {
        requireSupported(language);
        if (!template.unknownPlaceholders(kind).isEmpty()) {
            throw ProblemException.invalidField("body", "unknown placeholders " + template.unknownPlaceholders(kind)
                    + "; a " + kind + " letter can use " + new TreeSet<>(kind.placeholders()));
        }
        LetterOverride override = find(tenantId, kind, language);
        if (override == null) {
            em.persist(new LetterOverride(new LetterOverride.Key(tenantId, kind, language), template));
        } else {
            ETags.requireMatch(ifMatch, override.version());
            override.replace(template);
        }
        em.flush();
        return effective(tenantId, kind, language);
    }

    @Transactional
    public void revert(String tenantId, LetterKind kind, String language) {
        requireSupported(language);
        LetterOverride override = find(tenantId, kind, language);
        if (override != null) {
            em.remove(override);
        }
    }

    private LetterOverride find(String tenantId, LetterKind kind, String language) {
        return em.find(LetterOverride.class, new LetterOverride.Key(tenantId, kind, language));
    }

    private static void requireSupported(String language) {
        if (!LetterCatalogue.LANGUAGES.contains(language)) {
            throw ProblemException.invalidField("language", "must be one of " + LetterCatalogue.LANGUAGES);
        }
    }
}
