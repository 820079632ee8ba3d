package dev.clientdesk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The ClientDesk benchmark. Starts a fresh stack, runs the scenarios named on the command line
 * (default: all) and prints one table. See bench/README.md for what each scenario measures and how.
 */
public final class Bench {

    record Row(String scenario, String metric, String target, String measured, String verdict) {
    }

    private final Stack stack;
    private final int runs;
    private final Path work;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();
    private final HttpClient http = Load.httpClient();

    private Bench(Stack stack, int runs, Path work) {
        this.stack = stack;
        this.runs = runs;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/run");
        deleteRecursively(work);
        Files.createDirectories(work);
        int runs = Integer.getInteger("bench.runs", 3);
        List<String> jvmArgs = System.getProperty("bench.jvm-args", "").isBlank() ? List.of()
                : Arrays.asList(System.getProperty("bench.jvm-args").trim().split("\\s+"));
        List<String> scenarios = args.length == 0 ? List.of("footprint", "reads", "writes", "events", "silence")
                : Arrays.asList(args);
        Stack stack = new Stack(root, work.resolve("stack"), Integer.getInteger("bench.postgres-port", 15432),
                Integer.getInteger("bench.kafka-port", 19092), Integer.getInteger("bench.http-port", 18081), jvmArgs);
        Bench bench = new Bench(stack, runs, work);
        Instant started = Instant.now();
        try (stack) {
            log("starting PostgreSQL and Kafka (ports " + stack.postgresPort + ", " + stack.kafkaPort + ")");
            stack.startInfrastructure();
            log("starting the services (first start migrates the empty databases)");
            stack.startAll();
            for (String scenario : scenarios) {
                log("=== " + scenario);
                try {
                    switch (scenario) {
                        case "footprint" -> bench.footprint();
                        case "reads" -> bench.reads();
                        case "writes" -> bench.writes();
                        case "events" -> bench.events();
                        case "silence" -> bench.silence();
                        case "hold" -> bench.hold();
                        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    bench.rows.add(new Row(scenario, "FAILED", "", String.valueOf(e), "ERROR"));
                }
            }
        }
        String table = bench.table(started, scenarios);
        System.out.println();
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table);
        System.exit(0); // the HTTP client's threads must not keep the JVM (and the caller's build lock) alive
    }

    /** Keep-alive connections of the open-loop generator; requests queue for one when all are busy. */
    private static final int OPEN_LOOP_CONNECTIONS = 32;

    /** One full-speed wrk window of the given length. */
    @FunctionalInterface
    private interface WrkWindow {
        Load.WrkResult run(Duration length) throws Exception;
    }

    /**
     * Full-speed load in 10 s windows until the service's JIT is done: on two cores C2 keeps compiling for
     * minutes under load, and the rate climbs with it (payments: 280/s in the first window, about 2,000/s
     * after three minutes; a fixed 20 s warm-up measured 576/s). Done means two windows in a row in which the
     * C2 compiler threads used under 5 % of a core, or {@code bench.warmup-max-seconds} (default 420).
     */
    private void warmUntilSteady(String label, String service, WrkWindow window) throws Exception {
        Duration length = Duration.ofSeconds(10);
        long pid = stack.pid(service);
        int maxWindows = (int) (Integer.getInteger("bench.warmup-max-seconds", 420) / length.toSeconds());
        List<String> windows = new ArrayList<>();
        int quiet = 0;
        double c2Before = Stack.c2CompilerSeconds(pid);
        while (quiet < 2 && windows.size() < maxWindows) {
            double rate = window.run(length).requestsPerSecond();
            double c2 = Stack.c2CompilerSeconds(pid);
            double c2Share = (c2 - c2Before) / length.toSeconds();
            c2Before = c2;
            quiet = c2Share < 0.05 ? quiet + 1 : 0;
            windows.add(fmt(rate) + "/s (C2 " + Math.round(c2Share * 100) + "%)");
        }
        log(label + ": warm-up " + windows.size() * length.toSeconds() + " s" + (quiet < 2 ? " (cap reached)" : "")
                + ": " + String.join(", ", windows));
        warmUps.add(label + ": " + windows.size() * length.toSeconds() + " s" + (quiet < 2 ? " (cap reached)" : ""));
    }

    /** Keeps the seeded stack up for a profiler or psql until {@code bench/target/run/release} exists. */
    private void hold() throws Exception {
        Path release = work.resolve("release");
        log("holding the stack: psql -h localhost -p " + stack.postgresPort + " -U postgres; token in "
                + Files.writeString(work.resolve("token"), stack.token) + "; touch " + release + " to stop");
        while (!Files.exists(release)) {
            Thread.sleep(500);
        }
    }

    // ---------------------------------------------------------------- 5. footprint

    private void footprint() throws Exception {
        Map<String, List<Double>> ready = new HashMap<>();
        Map<String, List<Double>> quarkus = new HashMap<>();
        Map<String, List<Double>> rss = new HashMap<>();
        Map<String, Double> firstStart = new HashMap<>();
        int idle = Integer.getInteger("bench.idle-seconds", 20);
        // The first start after a build has no class-data archive yet and writes one when it stops
        // (deploy/local/jvm-args); it is reported on its own row, the measured runs use the archive.
        stack.stopAll();
        for (String name : stack.services.keySet()) {
            stack.forgetTrainedClasses(name);
            Thread.sleep(5000);
            long ms = stack.start(name);
            firstStart.put(name, (double) ms);
            log(name + " first start after the build (writes its class-data archive at exit): ready after " + ms + " ms");
            get(name, trainingPath(name));
            stack.stop(name);
        }
        for (int run = 1; run <= runs; run++) {
            stack.stopAll();
            // One at a time on a quiet machine, so a service's start is not slowed down by another's warm-up.
            for (String name : stack.services.keySet()) {
                Thread.sleep(5000);
                long ms = stack.start(name);
                ready.computeIfAbsent(name, k -> new ArrayList<>()).add((double) ms);
                quarkus.computeIfAbsent(name, k -> new ArrayList<>()).add((double) stack.quarkusReportedStartMillis(name));
                log(name + " ready after " + ms + " ms");
            }
            Thread.sleep(idle * 1000L);
            for (String name : stack.services.keySet()) {
                long mb = Stack.rssMb(stack.pid(name));
                rss.computeIfAbsent(name, k -> new ArrayList<>()).add((double) mb);
                log(name + " RSS idle " + mb + " MB");
            }
        }
        for (String name : stack.services.keySet()) {
            double r = Load.median(ready.get(name));
            rows.add(new Row("5 footprint", name + ": JVM start -> /q/health/ready 200", "< 2000 ms",
                    fmt(r) + " ms (Quarkus \"started in\": " + fmt(Load.median(quarkus.get(name))) + " ms; runs "
                            + list(ready.get(name)) + ")", r < 2000 ? "PASS" : "MISS"));
            rows.add(new Row("5 footprint", name + ": first start after a build (no class-data archive yet)",
                    "-", fmt(firstStart.get(name)) + " ms", "-"));
            double m = Load.median(rss.get(name));
            rows.add(new Row("5 footprint", name + ": RSS after " + idle + " s idle", "< 250 MB",
                    fmt(m) + " MB (runs " + list(rss.get(name)) + ")", m < 250 ? "PASS" : "MISS"));
        }
    }

    /** A list endpoint per service, so the archive also holds the classes of an authenticated request. */
    private static String trainingPath(String service) {
        return switch (service) {
            case "client-service" -> "/v1/clients";
            case "billing-service" -> "/v1/invoices";
            default -> "/v1/conversations";
        };
    }

    // ---------------------------------------------------------------- 4. reads

    private void reads() throws Exception {
        int clients = Integer.getInteger("bench.clients", 100_000);
        String template = post("client-service", "/v1/clients", """
                {"name":"Aigerim","email":"aigerim@example.kz","company":"Steppe Studio","locale":"kk",
                 "signals":{"guaranteeDemanded":true}}""");
        log("seeding " + clients + " clients from " + template);
        try (Connection c = stack.connect("client_service"); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO client (id, tenant_id, name, email, company, locale, timezone, relationship,
                        requested_service, budget_amount, budget_currency, signals, screening, status, created_at,
                        updated_at, version)
                    SELECT gen_random_uuid(), tenant_id, name || ' ' || g, 'client' || g || '@example.kz', company,
                        locale, timezone, relationship, requested_service, budget_amount, budget_currency, signals,
                        screening, status, created_at - g * interval '1 minute', updated_at, version
                    FROM client, generate_series(1, %d) g WHERE id = '%s'""".formatted(clients - 1, template));
            s.execute("VACUUM ANALYZE client");
            s.execute("CHECKPOINT"); // the seed's dirty pages are written now, not during the measured runs
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = stack.connect("client_service"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM client ORDER BY random() LIMIT 5000")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        Path idFile = work.resolve("client-ids.txt");
        Files.write(idFile, ids);
        int pages = Integer.getInteger("bench.pages", 50);
        double rate = Double.parseDouble(System.getProperty("bench.read-rate", "500"));
        Duration fixed = Duration.ofSeconds(Integer.getInteger("bench.fixed-seconds", 15));
        Duration peak = Duration.ofSeconds(Integer.getInteger("bench.wrk-seconds", 10));
        for (String mode : List.of("list", "health")) {
            String label = mode.equals("list") ? "GET /v1/clients?page=0.." + (pages - 1) + "&size=20"
                    : "GET /v1/clients/{id}/health";
            java.util.function.IntFunction<OpenLoop.Call> request = i -> OpenLoop.Call.get(
                    mode.equals("list") ? "/v1/clients?size=20&page=" + ThreadLocalRandom.current().nextInt(pages)
                            : "/v1/clients/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "/health");
            int port = stack.services.get("client-service").port();
            warmUntilSteady(label, "client-service", length -> Load.wrk(stack.root.resolve("bench/wrk/reads.lua"),
                    stack.baseUrl("client-service"), 2, 16, length, work.resolve("wrk.log"), "BENCH_TOKEN", stack.token,
                    "BENCH_MODE", mode, "BENCH_IDS", idFile.toString(), "BENCH_PAGES", String.valueOf(pages)));
            OpenLoop.run(port, stack.token, request, rate, Duration.ofSeconds(15), OPEN_LOOP_CONNECTIONS);
            List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), max = new ArrayList<>();
            int errors = 0;
            for (int run = 1; run <= runs; run++) {
                Load.Sample sample = OpenLoop.run(port, stack.token, request, rate, fixed, OPEN_LOOP_CONNECTIONS);
                p50.add(sample.percentileMs(50));
                p99.add(sample.percentileMs(99));
                max.add(sample.percentileMs(100));
                errors += sample.errors();
                log(label + " at " + rate + "/s: p50 " + fmt(sample.percentileMs(50)) + " ms, p99 "
                        + fmt(sample.percentileMs(99)) + " ms, errors " + sample.errors());
            }
            List<Double> rps = new ArrayList<>(), wp99 = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Load.WrkResult w = Load.wrk(stack.root.resolve("bench/wrk/reads.lua"), stack.baseUrl("client-service"),
                        2, 16, peak, work.resolve("wrk.log"), "BENCH_TOKEN", stack.token, "BENCH_MODE", mode,
                        "BENCH_IDS", idFile.toString(), "BENCH_PAGES", String.valueOf(pages));
                rps.add(w.requestsPerSecond());
                wp99.add(w.p99Ms());
                log(label + " wrk: " + w);
            }
            double p = Load.median(p99);
            rows.add(new Row("4 reads", label + ", " + clients + " clients, constant " + fmt(rate) + " req/s (Java open loop)",
                    "p99 < 20 ms", "p99 " + fmt(p) + " ms, p50 " + fmt(Load.median(p50)) + " ms, max "
                            + fmt(Load.median(max)) + " ms, errors " + errors + " (p99 runs " + list(p99) + ")",
                    p < 20 && errors == 0 ? "PASS" : "MISS"));
            rows.add(new Row("4 reads", label + ", peak (wrk -t2 -c16)", "(info)",
                    fmt(Load.median(rps)) + " req/s, p99 " + fmt(Load.median(wp99)) + " ms (runs " + list(rps) + ")", ""));
        }
    }

    // ---------------------------------------------------------------- 1. writes

    /** The SQL billing-service issues for POST /v1/invoices/{id}/payments (see bench/README.md). */
    static final String LOCK_INVOICE = "select i1_0.id,i1_0.amount,i1_0.client_id,i1_0.currency,i1_0.description,"
            + "i1_0.due_date,i1_0.issued_at,i1_0.kind,i1_0.number,i1_0.overdue_notified_at,i1_0.paid,i1_0.project_id,"
            + "i1_0.sent_at,i1_0.status,i1_0.tenant_id,i1_0.version from invoice i1_0 where i1_0.id=? for no key update of i1_0";
    static final String UPDATE_INVOICE = "update invoice set amount=?,client_id=?,currency=?,description=?,due_date=?,"
            + "issued_at=?,kind=?,number=?,overdue_notified_at=?,paid=?,project_id=?,sent_at=?,status=?,tenant_id=?,"
            + "version=? where id=? and version=?";
    static final String INSERT_PAYMENT = """
            INSERT INTO payment (id, tenant_id, invoice_id, amount, currency, received_at, reference, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_OUTBOX = """
            INSERT INTO outbox_event (id, topic, partition_key, event_type, envelope, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    /**
     * The write path alone: the services that consume PaymentReceived are stopped for both halves, so neither
     * pays for downstream work (the JDBC half's events would mostly be consumed after its window, the
     * service's during it). Billing's relay keeps publishing in both. They are restarted and caught up after.
     */
    private void writes() throws Exception {
        List<String> consumers = List.of("client-service", "followup-service");
        log("stopping " + consumers + " for the write path");
        consumers.forEach(stack::stop);
        try {
            writePath();
            skipBacklog(consumers, "billing.v1");
        } finally {
            for (String name : consumers) {
                stack.start(name);
            }
            Thread.sleep(10_000); // joining the consumer group; counts stand still meanwhile
            waitForQuiet();
        }
    }

    private void writePath() throws Exception {
        int invoices = Integer.getInteger("bench.invoices", 5000);
        UUID project = UUID.randomUUID();
        try (Connection c = stack.connect("billing_service"); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO project (id, tenant_id, client_id, title, fee_amount, currency, deposit_percent,
                        milestones, payment_terms_days, status, created_at, version)
                    VALUES ('%s', '%s', gen_random_uuid(), 'Bench project', 1000000000, 'EUR', 0, '[]', 14,
                        'ACTIVE', now(), 0)""".formatted(project, Stack.TENANT));
            s.execute("""
                    INSERT INTO invoice (id, tenant_id, number, project_id, client_id, kind, description, amount, paid,
                        currency, status, issued_at, sent_at, due_date, version)
                    SELECT gen_random_uuid(), '%s', 'BENCH-' || g, '%s', gen_random_uuid(), 'MILESTONE',
                        'Bench milestone ' || g, 1000000000, 0, 'EUR', 'SENT', now(), now(), current_date + 30, 0
                    FROM generate_series(1, %d) g""".formatted(Stack.TENANT, project, invoices));
            s.execute("VACUUM ANALYZE invoice");
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = stack.connect("billing_service"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM invoice WHERE number LIKE 'BENCH-%'")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        Path idFile = work.resolve("invoice-ids.txt");
        Files.write(idFile, ids);
        Duration peak = Duration.ofSeconds(Integer.getInteger("bench.wrk-seconds", 10));
        int connections = Integer.getInteger("bench.write-connections", 16);
        Path script = stack.root.resolve("bench/wrk/payments.lua");
        warmUntilSteady("payments", "billing-service", length -> Load.wrk(script, stack.baseUrl("billing-service"), 2,
                connections, length, work.resolve("wrk.log"), "BENCH_TOKEN", stack.token, "BENCH_IDS",
                idFile.toString()));
        jdbcPayments(ids, connections, Duration.ofSeconds(3));
        List<Double> service = new ArrayList<>(), jdbc = new ArrayList<>(), ratio = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            waitForQuiet();
            Load.WrkResult w = Load.wrk(script, stack.baseUrl("billing-service"), 2, connections, peak,
                    work.resolve("wrk.log"), "BENCH_TOKEN", stack.token, "BENCH_IDS", idFile.toString());
            if (w.non2xx() > 0 || w.socketErrors() > 0) {
                log("WARNING: " + w.non2xx() + " non-2xx responses, " + w.socketErrors() + " socket errors");
            }
            waitForQuiet();
            double baseline = jdbcPayments(ids, connections, peak);
            service.add(w.requestsPerSecond());
            jdbc.add(baseline);
            ratio.add(w.requestsPerSecond() / baseline);
            log("payments: service " + fmt(w.requestsPerSecond()) + "/s, JDBC " + fmt(baseline) + "/s, ratio "
                    + fmt(w.requestsPerSecond() / baseline));
        }
        double r = Load.median(ratio);
        rows.add(new Row("1 writes", "POST /v1/invoices/{id}/payments (" + invoices + " invoices, " + connections
                        + " connections) vs raw JDBC, same SQL, same PostgreSQL", "service >= 50% of JDBC",
                fmt(r * 100) + "% (service " + fmt(Load.median(service)) + "/s, JDBC " + fmt(Load.median(jdbc))
                        + "/s; ratio runs " + list(ratio.stream().map(x -> x * 100).toList()) + ")",
                r >= 0.5 ? "PASS" : "MISS"));
        double half = Load.median(service) / 2;
        List<Double> p99 = new ArrayList<>(), p50 = new ArrayList<>();
        int errors = 0;
        Duration fixed = Duration.ofSeconds(Integer.getInteger("bench.fixed-seconds", 15));
        String body = "{\"amount\":{\"amount\":\"0.01\",\"currency\":\"EUR\"},\"reference\":\"bench\"}";
        for (int run = 1; run <= runs; run++) {
            waitForQuiet();
            Load.Sample sample = OpenLoop.run(stack.services.get("billing-service").port(), stack.token,
                    i -> OpenLoop.Call.post("/v1/invoices/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))
                            + "/payments", body), half, fixed, OPEN_LOOP_CONNECTIONS);
            p99.add(sample.percentileMs(99));
            p50.add(sample.percentileMs(50));
            errors += sample.errors();
            log("payments at " + fmt(half) + "/s: p50 " + fmt(sample.percentileMs(50)) + " ms, p99 "
                    + fmt(sample.percentileMs(99)) + " ms, errors " + sample.errors());
        }
        double p = Load.median(p99);
        rows.add(new Row("1 writes", "payments at half the peak, " + fmt(half) + " req/s (Java open loop)", "p99 < 50 ms",
                "p99 " + fmt(p) + " ms, p50 " + fmt(Load.median(p50)) + " ms, errors " + errors + " (p99 runs "
                        + list(p99) + ")", p < 50 && errors == 0 ? "PASS" : "MISS"));
    }

    /**
     * The baseline: the same statements billing-service runs for one payment, in the same order and in one
     * transaction, from plain JDBC with the same number of concurrent connections. Returns transactions/s.
     */
    private double jdbcPayments(List<String> ids, int connections, Duration duration) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < connections; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = stack.connect("billing_service")) {
                    c.setAutoCommit(false);
                    PreparedStatement lock = c.prepareStatement(LOCK_INVOICE);
                    PreparedStatement update = c.prepareStatement(UPDATE_INVOICE);
                    PreparedStatement payment = c.prepareStatement(INSERT_PAYMENT);
                    PreparedStatement outbox = c.prepareStatement(INSERT_OUTBOX);
                    while (!stop.get()) {
                        UUID invoiceId = UUID.fromString(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        payOnce(c, lock, update, payment, outbox, invoiceId);
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        long count = done.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return count / seconds;
    }

    private static void payOnce(Connection c, PreparedStatement lock, PreparedStatement update,
            PreparedStatement payment, PreparedStatement outbox, UUID invoiceId) throws Exception {
        Object[] row = new Object[16];
        lock.setObject(1, invoiceId);
        try (ResultSet r = lock.executeQuery()) {
            r.next();
            for (int i = 0; i < 16; i++) {
                row[i] = r.getObject(i + 1);
            }
        }
        // columns: 0 id,1 amount,2 client_id,3 currency,4 description,5 due_date,6 issued_at,7 kind,8 number,
        // 9 overdue_notified_at,10 paid,11 project_id,12 sent_at,13 status,14 tenant_id,15 version
        java.math.BigDecimal amount = new java.math.BigDecimal("0.01");
        long version = ((Number) row[15]).longValue();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        update.setObject(1, row[1]);
        update.setObject(2, row[2]);
        update.setString(3, (String) row[3]);
        update.setString(4, (String) row[4]);
        update.setObject(5, row[5]);
        update.setObject(6, row[6]);
        update.setString(7, (String) row[7]);
        update.setString(8, (String) row[8]);
        update.setObject(9, row[9], java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        update.setBigDecimal(10, ((java.math.BigDecimal) row[10]).add(amount));
        update.setObject(11, row[11]);
        update.setObject(12, row[12]);
        update.setString(13, "PARTIALLY_PAID");
        update.setString(14, (String) row[14]);
        update.setLong(15, version + 1);
        update.setObject(16, invoiceId);
        update.setLong(17, version);
        update.executeUpdate();
        UUID paymentId = UUID.randomUUID();
        payment.setObject(1, paymentId);
        payment.setString(2, (String) row[14]);
        payment.setObject(3, invoiceId);
        payment.setBigDecimal(4, amount);
        payment.setString(5, "EUR");
        payment.setObject(6, now);
        payment.setString(7, "bench");
        payment.setObject(8, now);
        payment.executeUpdate();
        UUID eventId = UUID.randomUUID();
        outbox.setObject(1, eventId);
        outbox.setString(2, "billing.v1");
        outbox.setString(3, row[2].toString());
        outbox.setString(4, "PaymentReceived");
        outbox.setString(5, paymentReceived(eventId, paymentId, invoiceId, (UUID) row[11], (UUID) row[2], now));
        outbox.setObject(6, now);
        outbox.executeUpdate();
        c.commit();
    }

    private static String paymentReceived(UUID eventId, UUID paymentId, UUID invoiceId, UUID projectId, UUID clientId,
            OffsetDateTime now) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"billing-service\",\"type\":"
                + "\"PaymentReceived\",\"subject\":\"" + invoiceId + "\",\"time\":\"" + now.toInstant() + "\","
                + "\"tenantid\":\"" + Stack.TENANT + "\",\"datacontenttype\":\"application/json\",\"data\":{"
                + "\"paymentId\":\"" + paymentId + "\",\"invoiceId\":\"" + invoiceId + "\",\"projectId\":\"" + projectId
                + "\",\"clientId\":\"" + clientId + "\",\"amount\":{\"amount\":\"0.01\",\"currency\":\"EUR\"},"
                + "\"receivedAt\":\"" + now.toInstant() + "\"}}";
    }

    // ---------------------------------------------------------------- 2. events

    private void events() throws Exception {
        try (Connection c = stack.connect("followup_service"); Statement s = c.createStatement()) {
            // Stamps the moment followup-service inserts the conversation (inside its consumer transaction).
            s.execute("CREATE TABLE IF NOT EXISTS bench_seen (invoice_id UUID PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL)");
            s.execute("""
                    CREATE OR REPLACE FUNCTION bench_seen_stamp() RETURNS trigger AS $$
                    BEGIN INSERT INTO bench_seen VALUES (NEW.invoice_id, clock_timestamp()) ON CONFLICT DO NOTHING;
                    RETURN NEW; END $$ LANGUAGE plpgsql""");
            s.execute("DROP TRIGGER IF EXISTS bench_seen ON conversation");
            s.execute("CREATE TRIGGER bench_seen AFTER INSERT ON conversation FOR EACH ROW EXECUTE FUNCTION bench_seen_stamp()");
        }
        double rate = Double.parseDouble(System.getProperty("bench.event-rate", "200"));
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.fixed-seconds", 15));
        log("warm-up");
        invoiceSentAtRate(rate, Duration.ofSeconds(5));
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), max = new ArrayList<>();
        int lost = 0;
        for (int run = 1; run <= runs; run++) {
            waitForRelay("billing_service");
            Load.Sample sample = invoiceSentAtRate(rate, duration);
            p50.add(sample.percentileMs(50));
            p99.add(sample.percentileMs(99));
            max.add(sample.percentileMs(100));
            lost += sample.errors();
            log("InvoiceSent at " + rate + "/s: p50 " + fmt(sample.percentileMs(50)) + " ms, p99 "
                    + fmt(sample.percentileMs(99)) + " ms, max " + fmt(sample.percentileMs(100)) + " ms, missing "
                    + sample.errors());
        }
        double p = Load.median(p99);
        rows.add(new Row("2 events", "InvoiceSent committed -> conversation inserted, steady " + fmt(rate) + "/s",
                "p99 < 250 ms", "p99 " + fmt(p) + " ms, p50 " + fmt(Load.median(p50)) + " ms, max "
                        + fmt(Load.median(max)) + " ms, missing " + lost + " (p99 runs " + list(p99) + ")",
                p < 250 && lost == 0 ? "PASS" : "MISS"));

        int events = Integer.getInteger("bench.relay-events", 50_000);
        relayThroughput(500); // creates the topic and warms the relay
        List<Double> throughput = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double perSecond = relayThroughput(events);
            throughput.add(perSecond);
            log("relay: " + events + " rows at " + fmt(perSecond) + "/s");
        }
        double t = Load.median(throughput);
        rows.add(new Row("2 events", "OutboxRelay (billing-service), " + events + " rows committed at once -> all acked",
                ">= 5000 events/s", fmt(t) + " events/s (runs " + list(throughput) + ")", t >= 5000 ? "PASS" : "MISS"));
    }

    /**
     * Commits InvoiceSent outbox rows in billing_service at a constant rate, exactly as InvoiceService does
     * (one row per transaction), and times each from its commit to its conversation in followup_service.
     */
    private Load.Sample invoiceSentAtRate(double rate, Duration duration) throws Exception {
        long period = (long) (1e9 / rate);
        int total = (int) (duration.toNanos() / period);
        Map<UUID, Instant> committed = new HashMap<>();
        // followup-service opens conversations only for clients client-service announced: they are known first.
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            clients.add(UUID.randomUUID());
        }
        try (Connection c = stack.connect("followup_service"); PreparedStatement known = c.prepareStatement("""
                INSERT INTO client_contact (tenant_id, client_id, name, email, locale)
                SELECT ?, u, 'Bench client', 'bench@example.kz', 'kk' FROM unnest(?) u""")) {
            known.setString(1, Stack.TENANT);
            known.setArray(2, c.createArrayOf("uuid", clients.toArray()));
            known.executeUpdate();
        }
        try (Connection c = stack.connect("billing_service"); PreparedStatement insert = c.prepareStatement(INSERT_OUTBOX)) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                UUID eventId = UUID.randomUUID(), invoiceId = UUID.randomUUID(), clientId = clients.get(i);
                Instant now = Instant.now();
                insert.setObject(1, eventId);
                insert.setString(2, "billing.v1");
                insert.setString(3, clientId.toString());
                insert.setString(4, "InvoiceSent");
                insert.setString(5, "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"billing-service\","
                        + "\"type\":\"InvoiceSent\",\"subject\":\"" + invoiceId + "\",\"time\":\"" + now + "\","
                        + "\"tenantid\":\"" + Stack.TENANT + "\",\"datacontenttype\":\"application/json\",\"data\":{"
                        + "\"invoiceId\":\"" + invoiceId + "\",\"projectId\":\"" + UUID.randomUUID() + "\",\"clientId\":\""
                        + clientId + "\",\"number\":\"2026-" + i + "\",\"amount\":{\"amount\":\"1000.00\",\"currency\":"
                        + "\"EUR\"},\"dueDate\":\"" + LocalDate.now().plusDays(14) + "\"}}");
                insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate(); // autocommit: committed when this returns
                committed.put(invoiceId, Instant.now());
            }
        }
        Map<UUID, Instant> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = stack.connect("followup_service");
                PreparedStatement q = c.prepareStatement("SELECT invoice_id, seen_at FROM bench_seen WHERE invoice_id = ANY(?)")) {
            while (seen.size() < committed.size() && System.nanoTime() < deadline) {
                q.setArray(1, c.createArrayOf("uuid", committed.keySet().toArray()));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        seen.put((UUID) r.getObject(1), r.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                if (seen.size() < committed.size()) {
                    Thread.sleep(200);
                }
            }
        }
        List<Long> micros = new ArrayList<>();
        seen.forEach((id, at) -> micros.add(Duration.between(committed.get(id), at).toNanos() / 1000));
        return Load.Sample.of(micros, committed.size() - seen.size(), duration.toNanos() / 1e9);
    }

    /** Commits {@code events} outbox rows at once on a topic nobody consumes; returns rows acked per second. */
    private double relayThroughput(int events) throws Exception {
        waitForRelay("billing_service");
        Instant committed;
        try (Connection c = stack.connect("billing_service"); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO outbox_event (id, topic, partition_key, event_type, envelope, created_at)
                    SELECT gen_random_uuid(), 'bench.relay', 'client-' || (g %% 1000), 'InvoiceSent',
                        '{"specversion":"1.0","id":"' || gen_random_uuid() || '","source":"billing-service",'
                        || '"type":"InvoiceSent","subject":"' || gen_random_uuid() || '","time":"2026-11-02T09:30:00Z",'
                        || '"tenantid":"demo-workspace","datacontenttype":"application/json","data":{"invoiceId":"'
                        || gen_random_uuid() || '","projectId":"' || gen_random_uuid() || '","clientId":"'
                        || gen_random_uuid() || '","number":"2026-' || g || '","amount":{"amount":"1000.00",'
                        || '"currency":"EUR"},"dueDate":"2026-11-16"}}', now()
                    FROM generate_series(1, %d) g""".formatted(events));
            committed = Instant.now();
        }
        waitForRelay("billing_service");
        try (Connection c = stack.connect("billing_service"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT max(published_at) FROM outbox_event WHERE topic = 'bench.relay'")) {
            r.next();
            Instant last = r.getObject(1, OffsetDateTime.class).toInstant();
            return events / (Duration.between(committed, last).toNanos() / 1e9);
        }
    }

    /**
     * Waits until the outbox of billing_service is drained and the consumers of followup- and client-service
     * have stopped recording events (their processed_event counts unchanged for a second), so one half of a
     * comparison does not pay for the downstream backlog the other half left.
     */
    private void waitForQuiet() throws Exception {
        waitForRelay("billing_service");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = 0;
            for (String db : List.of("followup_service", "client_service")) {
                try (Connection c = stack.connect(db); Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT count(*) FROM processed_event")) {
                    r.next();
                    now += r.getLong(1);
                }
            }
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the consumers did not catch up within 180 s");
    }

    /**
     * Moves the stopped consumers' groups to the end of the topic. The warm-up until the JIT is done leaves
     * hundreds of thousands of synthetic PaymentReceived events, which the restarted services would need
     * many minutes to work through before the next scenario; their handling was never part of the measurement.
     */
    private void skipBacklog(List<String> groups, String topic) throws Exception {
        waitForRelay("billing_service");
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", "localhost:" + stack.kafkaPort))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> OffsetSpec.latest()))).all().get();
            var offsets = ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> new OffsetAndMetadata(e.getValue().offset())));
            for (String group : groups) {
                admin.alterConsumerGroupOffsets(group, offsets).all().get();
            }
            log("moved " + groups + " to the end of " + topic + " (" + offsets.size() + " partitions)");
        }
    }

    /** Waits until the relay of that database has nothing left to publish. */
    private void waitForRelay(String database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection c = stack.connect(database); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND failed_at IS NULL")) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException("the outbox of " + database + " did not drain within 120 s");
    }

    // ---------------------------------------------------------------- 3. silence

    private void silence() throws Exception {
        int total = Integer.getInteger("bench.conversations", 1_000_000);
        int due = Integer.getInteger("bench.due", 10_000);
        log("seeding " + total + " open conversations (" + runs + " x " + due + " to become due)");
        long seedStart = System.nanoTime();
        try (Connection c = stack.connect("followup_service"); Statement s = c.createStatement()) {
            // Not due for a week: the bulk that the scan must never read.
            s.execute("""
                    INSERT INTO conversation (id, tenant_id, client_id, invoice_id, kind, subject, details, status,
                        last_outbound_at, silent_since, attempts, next_check_at, opened_at, version)
                    SELECT gen_random_uuid(), '%1$s', gen_random_uuid(), gen_random_uuid(), 'INVOICE_PAYMENT',
                        'Invoice 2026-' || g, jsonb_build_object('invoiceNumber', '2026-' || g, 'amount', '1000.00 EUR',
                        'dueDate', '2026-11-16'), 'OPEN', now() - interval '1 day', now() - interval '1 day', 0,
                        now() + interval '6 days' + (g %% 86400) * interval '1 second', now() - interval '1 day', 0
                    FROM generate_series(1, %2$d) g""".formatted(Stack.TENANT, total - runs * due));
            // Silent for eight days; parked in the year 2999 until their run makes them due.
            s.execute("""
                    INSERT INTO conversation (id, tenant_id, client_id, invoice_id, kind, subject, details, status,
                        last_outbound_at, silent_since, attempts, next_check_at, opened_at, version)
                    SELECT gen_random_uuid(), '%1$s', gen_random_uuid(), gen_random_uuid(), 'INVOICE_PAYMENT',
                        'bench-due-' || (g %% %3$d), jsonb_build_object('invoiceNumber', 'D-' || g, 'amount',
                        '1000.00 EUR', 'dueDate', '2026-11-16'), 'OPEN', now() - interval '8 days',
                        now() - interval '8 days', 0, '2999-01-01', now() - interval '8 days', 0
                    FROM generate_series(1, %2$d) g""".formatted(Stack.TENANT, runs * due, runs));
            s.execute("""
                    INSERT INTO client_contact (tenant_id, client_id, name, email, locale)
                    SELECT tenant_id, client_id, 'Client ' || left(subject, 12), 'c' || left(id::text, 8) || '@example.kz', 'kk'
                    FROM conversation WHERE subject LIKE 'bench-due-%'""");
            s.execute("VACUUM ANALYZE conversation");
            s.execute("VACUUM ANALYZE client_contact");
        }
        registerDueClients();
        log("seeded in " + (System.nanoTime() - seedStart) / 1_000_000_000 + " s");
        waitForRelay("followup_service");
        List<Double> emptyScan = emptyScans();
        List<Double> endToEnd = new ArrayList<>(), processing = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            waitForRelay("followup_service");
            Instant t0;
            long before;
            try (Connection c = stack.connect("followup_service"); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM outbox_event WHERE event_type = 'NoReplyForSevenDays'")) {
                    r.next();
                    before = r.getLong(1);
                }
                s.execute("UPDATE conversation SET next_check_at = now() WHERE subject = 'bench-due-" + run + "'");
                t0 = Instant.now();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            try (Connection c = stack.connect("followup_service"); Statement s = c.createStatement()) {
                while (true) {
                    try (ResultSet r = s.executeQuery("""
                            SELECT count(*), min(created_at), max(published_at) FROM outbox_event
                            WHERE event_type = 'NoReplyForSevenDays' AND published_at IS NOT NULL""")) {
                        r.next();
                        if (r.getLong(1) - before >= due) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not all NoReplyForSevenDays published within 180 s");
                    }
                    Thread.sleep(100);
                }
                try (ResultSet r = s.executeQuery("""
                        SELECT min(created_at), max(published_at) FROM outbox_event
                        WHERE event_type = 'NoReplyForSevenDays' AND created_at >= '%s'""".formatted(
                                OffsetDateTime.ofInstant(t0.minusSeconds(1), ZoneOffset.UTC)))) {
                    r.next();
                    Instant first = r.getObject(1, OffsetDateTime.class).toInstant();
                    Instant last = r.getObject(2, OffsetDateTime.class).toInstant();
                    endToEnd.add(Duration.between(t0, last).toMillis() / 1000.0);
                    processing.add(Duration.between(first, last).toMillis() / 1000.0);
                }
            }
            log("silence run " + (run + 1) + ": due -> last published " + endToEnd.get(run) + " s (first event -> last "
                    + processing.get(run) + " s)");
        }
        double e = Load.median(endToEnd);
        rows.add(new Row("3 silence", total + " open conversations, " + due + " become due -> all "
                        + "NoReplyForSevenDays published (scan every 0.5 s)", "< 10 s",
                fmt(e) + " s (first event -> last: " + fmt(Load.median(processing)) + " s; runs " + list(endToEnd) + ")",
                e < 10 ? "PASS" : "MISS"));
        emptyScan.addAll(emptyScans());
        double m = Load.median(emptyScan);
        double worst = emptyScan.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        rows.add(new Row("3 silence", "scan with nothing due over " + total + " open conversations (the scanner's "
                + "claim query in its own transaction, JDBC round trip included)", "< 50 ms",
                fmt(m) + " ms median, " + fmt(worst) + " ms worst of " + emptyScan.size(), worst < 50 ? "PASS" : "MISS"));
    }

    /** Times the scanner's claim query (its only work when nothing is due) as it runs: in a transaction. */
    /**
     * client-service counts nudges and silences only for clients it registered, in their workspace: the due
     * conversations' clients get a client row each, copied from one registered through the API.
     */
    private void registerDueClients() throws Exception {
        List<UUID> due = new ArrayList<>();
        try (Connection c = stack.connect("followup_service"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT client_id FROM client_contact WHERE tenant_id = '"
                        + Stack.TENANT + "' AND name LIKE 'Client bench-due-%'")) {
            while (r.next()) {
                due.add((UUID) r.getObject(1));
            }
        }
        String template = post("client-service", "/v1/clients", """
                {"name":"Silent","email":"silent@example.kz","locale":"kk"}""");
        try (Connection c = stack.connect("client_service"); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO client (id, tenant_id, name, email, company, locale, timezone, relationship,
                    requested_service, budget_amount, budget_currency, signals, screening, status, created_at,
                    updated_at, version)
                SELECT u, tenant_id, name, 'c' || left(u::text, 8) || '@example.kz', company, locale, timezone,
                    relationship, requested_service, budget_amount, budget_currency, signals, screening, status,
                    created_at, updated_at, version
                FROM client, unnest(?) u WHERE id = ?::uuid ON CONFLICT DO NOTHING""")) {
            insert.setArray(1, c.createArrayOf("uuid", due.toArray()));
            insert.setString(2, template);
            insert.executeUpdate();
        }
        log("registered the " + due.size() + " due clients with client-service");
    }

    private List<Double> emptyScans() throws Exception {
        List<Double> ms = new ArrayList<>();
        try (Connection c = stack.connect("followup_service"); PreparedStatement q = c.prepareStatement("""
                SELECT id FROM conversation WHERE status = 'OPEN' AND next_check_at <= ?
                ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 25; i++) {
                long t0 = System.nanoTime();
                q.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                q.setInt(2, 200);
                int found = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        found++;
                    }
                }
                c.commit();
                ms.add((System.nanoTime() - t0) / 1e6);
                if (found > 0) {
                    throw new IllegalStateException("expected nothing due, found " + found);
                }
                Thread.sleep(20);
            }
        }
        return ms;
    }

    // ---------------------------------------------------------------- plumbing

    private void get(String service, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + stack.token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
    }

    private String post(String service, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("Authorization", "Bearer " + stack.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }


    private String table(Instant started, List<String> scenarios) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("ClientDesk benchmark, ").append(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" to ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append('\n');
        out.append("machine: ").append(machine()).append('\n');
        out.append("command: bench/run ").append(String.join(" ", scenarios)).append(" (").append(runs)
                .append(" runs per figure, medians; BENCH_BUSY_CORES=").append(System.getProperty("bench.busy-cores", "0"))
                .append(")\n");
        if (!warmUps.isEmpty()) {
            out.append("full-speed warm-up until the JIT was done: ").append(String.join("; ", warmUps)).append('\n');
        }
        out.append('\n');
        out.append("| scenario | measurement | target | measured | verdict |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.scenario()).append(" | ").append(r.metric()).append(" | ").append(r.target())
                    .append(" | ").append(r.measured()).append(" | ").append(r.verdict()).append(" |\n");
        }
        return out.toString();
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        long memKb = Long.parseLong(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", ""));
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memKb / 1024 / 1024 + " GB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    static String fmt(double d) {
        if (Double.isNaN(d)) {
            return "n/a";
        }
        return d >= 100 ? String.valueOf(Math.round(d)) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    static String list(List<Double> values) {
        return values.stream().map(Bench::fmt).collect(Collectors.joining(", "));
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
