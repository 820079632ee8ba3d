package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.Problem;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** problem+json from the Vert.x routes that answer before a request reaches RESTEasy (and its ProblemMappers). */
final class RouteProblems {

    private RouteProblems() {
    }

    /** Answers and closes the connection: what is left of the caller's body is never read. */
    static Future<Void> refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, context.request().path(),
                List.of());
        return context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
