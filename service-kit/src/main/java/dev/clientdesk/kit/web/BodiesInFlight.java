package dev.clientdesk.kit.web;

import dev.clientdesk.kit.config.KitConfig;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what request bodies can hold while they arrive, before anyone is authenticated: at most
 * {@code clientdesk.http.max-bodies-in-flight} are received at once (one more gets a 503 with Retry-After
 * before a byte of its body is read), and each must arrive whole within {@code clientdesk.http.body-timeout}
 * of its headers (a caller that trickles or stops gets a 408 and its connection is closed). Without this, a
 * caller announcing 1 MB and sending it a byte at a time would hold a 1 MB buffer (the body is read whole
 * before the request is handled) for as long as it liked: the idle timeout only notices total silence.
 */
@ApplicationScoped
public class BodiesInFlight {

    private static final String ADMITTED = BodiesInFlight.class.getName();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int max;
    private final long timeoutMillis;

    public BodiesInFlight(KitConfig config) {
        this.max = config.http().maxBodiesInFlight();
        this.timeoutMillis = config.http().bodyTimeout().toMillis();
    }

    void install(@Observes Router router) {
        router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .order(BodySizeLimit.ADMISSION).handler(this::admit);
        router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .order(BodySizeLimit.BODY_RECEIVED).handler(this::received);
    }

    /** Bodies being received now. */
    public int count() {
        return inFlight.get();
    }

    private void admit(RoutingContext context) {
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            long retryAfter = Math.max(1, (timeoutMillis + 999) / 1000);
            context.response().putHeader("Retry-After", Long.toString(retryAfter));
            RouteProblems.refuse(context, 503, "busy", "Service unavailable",
                    "too many request bodies are arriving at once; retry after " + retryAfter + " s")
                    .onComplete(ended -> context.request().connection().close());
            return;
        }
        Admission admission = new Admission();
        admission.timer = context.vertx().setTimer(timeoutMillis, id -> tooSlow(context, admission));
        context.put(ADMITTED, admission);
        // The response ends or the caller hangs up, whichever comes first if the body never arrives whole.
        context.addEndHandler(ended -> admission.release(context));
        context.next();
    }

    private void received(RoutingContext context) {
        Admission admission = context.get(ADMITTED);
        if (admission != null) {
            admission.release(context);
        }
        context.next();
    }

    private void tooSlow(RoutingContext context, Admission admission) {
        if (admission.release(context) && !context.response().ended()) {
            RouteProblems.refuse(context, 408, "request-timeout", "Request timeout",
                    "the body did not arrive within " + timeoutMillis + " ms of the headers")
                    .onComplete(ended -> context.request().connection().close());
        }
    }

    private final class Admission {
        private final AtomicBoolean released = new AtomicBoolean();
        private long timer;

        /** @return whether this call released the slot (the first one does) */
        boolean release(RoutingContext context) {
            if (!released.compareAndSet(false, true)) {
                return false;
            }
            inFlight.decrementAndGet();
            context.vertx().cancelTimer(timer);
            return true;
        }
    }
}
