package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.billing.service.InvoiceService;
import dev.clientdesk.kit.testing.StateSnapshot;
import dev.clientdesk.kit.testing.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.billing.api.BillingApiTest.project;
import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** "Today", due dates, the overdue check and the invoice year are the workspace's, not UTC's. */
@QuarkusTest
class WorkspaceTimeZoneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    InvoiceService invoices;

    @Inject
    DataSource dataSource;

    @AfterEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    static String settings(String timeZone) {
        return "{\"defaultCurrency\":\"EUR\",\"defaultDepositPercent\":20,\"minDepositPercent\":10,"
                + "\"maxDepositPercent\":50,\"paymentTermsDays\":14,\"includedRevisions\":2,\"revisionFee\":\"0\","
                + "\"cancellationFeePercent\":10,\"responseTimeHours\":24"
                + (timeZone == null ? "" : ",\"timeZone\":\"" + timeZone + "\"") + "}";
    }

    /** A workspace in the zone with an accepted client; returns the client. */
    static UUID workspaceIn(String tenant, ZoneId zone) {
        as(tenant).body(settings(zone.getId())).put("/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo(zone.getId()));
        return AcceptedClients.accepted(tenant);
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void the_time_zone_is_utc_until_set_an_iana_id_and_kept_when_omitted() {
        String tenant = "ws-tz-settings-" + UUID.randomUUID();
        as(tenant).get("/v1/settings").then().statusCode(200).body("timeZone", equalTo("UTC"));
        for (String bad : List.of("Mars/Olympus_Mons", "+05:00", "GMT+5", "asia/almaty", "")) {
            as(tenant).body(settings(bad)).put("/v1/settings").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("timeZone"));
        }
        String etag = as(tenant).body(settings("Asia/Almaty")).put("/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Almaty")).extract().header("ETag");
        as(tenant).header("If-Match", etag).body(settings(null)).put("/v1/settings").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Almaty"));
        as(tenant).get("/v1/settings").then().body("timeZone", equalTo("Asia/Almaty"));
    }

    @Test
    void time_logged_for_today_at_one_in_the_morning_in_almaty_is_not_in_the_future() {
        String tenant = "ws-tz-time-" + UUID.randomUUID();
        UUID client = workspaceIn(tenant, ALMATY);
        String projectId = as(tenant).body(project(client, "1000.00", "EUR", "20", "80")).post("/v1/projects")
                .then().statusCode(201).extract().path("id");
        Instant oneAm = at(ALMATY, "2026-11-20T01:00");
        assertThat(LocalDate.ofInstant(oneAm, ZoneOffset.UTC)).as("still yesterday in UTC")
                .isEqualTo(LocalDate.parse("2026-11-19"));
        TestClockProducer.CLOCK.set(oneAm);

        as(tenant).body("{\"minutes\":30,\"kind\":\"WORK\",\"date\":\"2026-11-20\"}")
                .post("/v1/projects/" + projectId + "/time-entries").then().statusCode(201)
                .body("date", equalTo("2026-11-20"));
        as(tenant).body("{\"minutes\":30,\"kind\":\"WORK\"}")
                .post("/v1/projects/" + projectId + "/time-entries").then().statusCode(201)
                .body("date", equalTo("2026-11-20"));
        as(tenant).body("{\"minutes\":30,\"kind\":\"WORK\",\"date\":\"2026-11-21\"}")
                .post("/v1/projects/" + projectId + "/time-entries").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
    }

    @Test
    void an_invoice_issued_late_on_new_years_eve_is_numbered_in_the_local_year() {
        String newYork = "ws-tz-ny-" + UUID.randomUUID();
        UUID nyClient = workspaceIn(newYork, NEW_YORK);
        String almaty = "ws-tz-almaty-" + UUID.randomUUID();
        UUID almatyClient = workspaceIn(almaty, ALMATY);

        // 23:30 on 31 December in New York is already 2027 in UTC; 00:30 on 1 January in Almaty is still 2026.
        TestClockProducer.CLOCK.set(at(NEW_YORK, "2026-12-31T23:30"));
        String nyDeposit = as(newYork).body(project(nyClient, "1000.00", "EUR", "20", "80")).post("/v1/projects")
                .then().statusCode(201).extract().path("depositInvoiceId");
        TestClockProducer.CLOCK.set(at(ALMATY, "2027-01-01T00:30"));
        String almatyDeposit = as(almaty).body(project(almatyClient, "1000.00", "EUR", "20", "80"))
                .post("/v1/projects").then().statusCode(201).extract().path("depositInvoiceId");

        as(newYork).get("/v1/invoices/" + nyDeposit).then().body("number", equalTo("2026-0001"));
        as(almaty).get("/v1/invoices/" + almatyDeposit).then().body("number", equalTo("2027-0001"));
    }

    @Test
    void an_invoice_falls_due_in_the_workspaces_days_and_is_overdue_from_its_midnight() {
        String tenant = "ws-tz-overdue-" + UUID.randomUUID();
        UUID client = workspaceIn(tenant, NEW_YORK);
        String deposit = as(tenant).body(project(client, "1000.00", "EUR", "20", "80")).post("/v1/projects")
                .then().statusCode(201).extract().path("depositInvoiceId");

        // Sent at 23:30 on 1 December in New York, 04:30 on 2 December in UTC: due 14 local days later.
        TestClockProducer.CLOCK.set(at(NEW_YORK, "2026-12-01T23:30"));
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200)
                .body("dueDate", equalTo("2026-12-15"));

        // A minute before local midnight after the due date it is already 16 December in UTC: not overdue yet.
        TestClockProducer.CLOCK.set(at(NEW_YORK, "2026-12-15T23:59"));
        invoices.markOverdue(500);
        as(tenant).get("/v1/invoices?overdue=true").then().body("items.size()", equalTo(0));
        assertThat(reportedOverdue(deposit)).isZero();

        TestClockProducer.CLOCK.set(at(NEW_YORK, "2026-12-16T00:01"));
        invoices.markOverdue(500);
        as(tenant).get("/v1/invoices?overdue=true").then().body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(deposit));
        assertThat(reportedOverdue(deposit)).isOne();
    }

    private long reportedOverdue(String invoiceId) {
        return StateSnapshot.count(dataSource, "SELECT count(*) FROM invoice WHERE id = ? AND overdue_notified_at IS NOT NULL",
                UUID.fromString(invoiceId));
    }
}
