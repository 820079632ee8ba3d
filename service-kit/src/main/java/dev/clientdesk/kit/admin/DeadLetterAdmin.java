package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.messaging.DeadLetters;
import dev.clientdesk.kit.messaging.DeadLetters.DeadLetter;
import dev.clientdesk.kit.messaging.EventPipeline;
import dev.clientdesk.kit.messaging.Failure;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * An operator's view of this service's dead letters and their replay through the consumer's pipeline. A
 * replay is safe to repeat: the processed-event inbox turns an applied event into a duplicate.
 */
@ApplicationScoped
public class DeadLetterAdmin {

    static final int MAX_RECORDS = 1000;

    private final DeadLetters deadLetters;
    private final EventPipeline pipeline;

    public DeadLetterAdmin(DeadLetters deadLetters, EventPipeline pipeline) {
        this.deadLetters = deadLetters;
        this.pipeline = pipeline;
    }

    public List<DeadLetterView> list(String topic, int limit) {
        return read(topic, limit).stream().map(DeadLetterView::of).toList();
    }

    public ReplayReport replay(String topic) {
        int applied = 0;
        int duplicates = 0;
        int ignored = 0;
        List<ReplayReport.Failed> failed = new ArrayList<>();
        List<DeadLetter> letters = read(topic, MAX_RECORDS);
        for (DeadLetter letter : letters) {
            try {
                switch (pipeline.replay(topic, letter.value())) {
                    case APPLIED -> applied++;
                    case DUPLICATE -> duplicates++;
                    default -> ignored++;
                }
            } catch (RuntimeException e) {
                failed.add(new ReplayReport.Failed(letter.partition(), letter.offset(),
                        Failure.of(e) + ": " + e.getMessage()));
            }
        }
        return new ReplayReport(letters.size(), applied, duplicates, ignored, failed);
    }

    private List<DeadLetter> read(String topic, int limit) {
        if (!pipeline.topics().contains(topic)) {
            throw ProblemException.notFound("consumed topic", topic);
        }
        return deadLetters.read(topic, limit);
    }
}
