# syntax=docker/dockerfile:1
# One Dockerfile for the three services; the build context is the repository root:
#   docker build --build-arg SERVICE=client-service -t clientdesk/client-service:dev .
# SERVICE is client-service, billing-service or followup-service. Every image listens on 8080.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
RUN case "$SERVICE" in \
      client-service|billing-service|followup-service) ;; \
      *) echo "build with --build-arg SERVICE=client-service|billing-service|followup-service (got '$SERVICE')" >&2; exit 1 ;; \
    esac
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 (Maven itself, downloaded by the wrapper, and the dependencies) between
# builds; "locked" because the three service builds would otherwise write it concurrently.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -pl "$SERVICE" -am package -DskipTests \
 && mv "$SERVICE/target/quarkus-app" /quarkus-app

FROM eclipse-temurin:17-jre
ARG SERVICE
# The Temurin Ubuntu images ship curl (compose's healthcheck uses it); install it should that change.
RUN (command -v curl >/dev/null || { apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }) \
 && groupadd --system --gid 10001 clientdesk \
 && useradd --system --uid 10001 --gid clientdesk --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin clientdesk
WORKDIR /deployments
# Quarkus fast-jar layout, dependencies first so that a code change only replaces the small layers.
COPY --from=build /quarkus-app/lib/ lib/
COPY --from=build /quarkus-app/*.jar ./
COPY --from=build /quarkus-app/app/ app/
COPY --from=build /quarkus-app/quarkus/ quarkus/
LABEL org.opencontainers.image.title="clientdesk-$SERVICE"
ENV QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8080
# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
CMD ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
