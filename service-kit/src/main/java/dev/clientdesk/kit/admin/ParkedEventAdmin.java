package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.messaging.EventPipeline;
import dev.clientdesk.kit.messaging.ParkedEventRetrier;
import dev.clientdesk.kit.messaging.ParkedEvents;
import dev.clientdesk.kit.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** An operator's view of the parked events, and retrying one now instead of at the next interval. */
@ApplicationScoped
public class ParkedEventAdmin {

    private final ParkedEvents parkedEvents;
    private final ParkedEventRetrier retrier;
    private final EventPipeline pipeline;

    public ParkedEventAdmin(ParkedEvents parkedEvents, ParkedEventRetrier retrier, EventPipeline pipeline) {
        this.parkedEvents = parkedEvents;
        this.retrier = retrier;
        this.pipeline = pipeline;
    }

    public List<ParkedEventView> list(int limit) {
        return parkedEvents.list(pipeline.group(), limit).stream().map(ParkedEventView::of).toList();
    }

    /** Only the oldest parked event of a key may be applied: a client's events keep their order. */
    public RetryResult retry(long id) {
        ParkedEvents.Parked parked = parkedEvents.find(pipeline.group(), id)
                .orElseThrow(() -> ProblemException.notFound("parked event", id));
        long oldest = QuarkusTransaction.requiringNew().call(() ->
                parkedEvents.parkedAhead(pipeline.group(), parked.topic(), parked.key()).orElse(id));
        if (oldest < id) {
            throw ProblemException.conflict("parked-behind", "parked event " + id + " waits behind parked event "
                    + oldest + " of the same key; retry that one first");
        }
        ParkedEventRetrier.Result result = retrier.retry(parked);
        String reason = result == ParkedEventRetrier.Result.STILL_PARKED
                ? parkedEvents.find(pipeline.group(), id).map(ParkedEvents.Parked::reason).orElse(null) : null;
        return new RetryResult(id, result.name(), reason);
    }
}
