package com.bank.callcenter.pages;

import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.RecordedContacts;
import com.bank.callcenter.robot.RobotCampaigns;
import com.bank.callcenter.robot.RobotDialer;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.support.TestCustomers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The /scores page and the campaign page's funnel in a real browser (Debian's chromium; skipped
 * where it is missing). June 2025 is this test's own period: three RMs of a branch of their own with
 * 3, 1 and 0 effective calls, and a supervisor of that branch, who sees exactly those three rows.
 */
@QuarkusTest
class ScoresBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PERIOD = "2025-06";
    /** Tuesday 2025-06-10 10:00 Asia/Shanghai. */
    private static final Instant JUNE_10 = Instant.parse("2025-06-10T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);


    @TestHTTPResource("/")
    URL root;

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    RobotDialer dialer;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String branch = "BR-SC-" + tag;



    @BeforeEach
    void openPeriod() {
        clock.reset();
        Db.execute("delete from score_period_record where period = ?", PERIOD);
        Db.execute("delete from score_period where period = ?", PERIOD);
    }

    private String login(String role, String staffRole, String name) {
        String id = name + "-" + tag;
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, ?, ?, ?)",
                id, "考核 " + id, staffRole, branch, "9" + ThreadLocalRandom.current().nextInt(100, 1000) + "0");
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, ?, ?)",
                id, hasher.hash(id), role, id);
        return id;
    }

    /** An RM with {@code effectiveCalls} answered calls of 40 s in June, each to a customer of their own. */
    private String rmWithCalls(String name, int effectiveCalls) {
        String rm = login("RM", "REMOTE_MANAGER", name);
        for (int i = 0; i < effectiveCalls; i++) {
            String customer = TestCustomers.customer("sc-" + UUID.randomUUID().toString().substring(0, 12))
                    .branch(branch).mobile("1390000" + String.format("%04d", i)).aum("20000").tier(Tier.LONG_TAIL)
                    .manager(rm).asOfToday().insert();
            RecordedContacts.answeredRmCall(rm, customer, JUNE_10.plusSeconds(86_400L * i), 40);
        }
        return rm;
    }

    private static List<Map<String, Object>> apiRows(String user) throws IOException {
        String body = Api.as(user).when().get("/api/scores?period=" + PERIOD).then().statusCode(200).extract().asString();
        return JSON.readValue(body, new TypeReference<>() {
        });
    }

    private static String points(Object value) {
        return ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static Object indicatorPoints(Map<String, Object> row, String code) {
        return ((List<Map<String, Object>>) row.get("indicators")).stream().filter(i -> code.equals(i.get("code")))
                .findFirst().orElseThrow().get("points");
    }

    private void signIn(String user) {
        signIn(root, user);
    }

    /** Waits for the page; an element replaced while it is read (the table re-renders) is read again. */
    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static List<WebElement> tableRows() {
        return browser.findElements(By.cssSelector("#scores tbody tr"));
    }

    private static List<String> shownStaffIds() {
        return tableRows().stream().map(tr -> tr.getAttribute("data-staff-id")).toList();
    }

    private static String cell(String staffId, String key) {
        return browser.findElement(By.cssSelector("#scores tbody tr[data-staff-id='" + staffId + "'] td[data-key='"
                + key + "']")).getText().trim();
    }

    private static void waitForRows(int count) {
        waitUntil(d -> tableRows().size() == count);
    }

    @Test
    void aSupervisorReadsSortsExplainsScoresEntersPointsAndClosesThePeriod() throws IOException {
        String busy = rmWithCalls("busy", 3);
        String some = rmWithCalls("some", 1);
        String idle = rmWithCalls("idle", 0);
        String supervisor = login("SUPERVISOR", "SUPERVISOR", "sv");
        signIn(supervisor);

        // the current month (the service's today, 2026-11-25) by default
        browser.get(root + "scores");
        assertEquals("2026-11", browser.findElement(By.id("period")).getAttribute("value"));

        browser.get(root + "scores?period=" + PERIOD);
        waitForRows(3);
        List<Map<String, Object>> api = apiRows(supervisor);
        assertEquals(3, api.size());
        for (Map<String, Object> row : api) {
            String staffId = (String) row.get("staffId");
            assertEquals(row.get("name"), cell(staffId, "name"));
            assertEquals(branch, cell(staffId, "branchId"));
            for (String key : List.of("quantitative", "qualitative", "deduction", "total")) {
                assertEquals(points(row.get(key)), cell(staffId, key), staffId + " " + key);
            }
            for (String code : List.of("CUSTOMER_DEVELOPMENT", "ASSET_INCREMENT", "KEY_PRODUCTS", "PENETRATION", "CALLS",
                    "SMS", "TRAINING", "DAILY_MANAGEMENT")) {
                assertEquals(points(indicatorPoints(row, code)), cell(staffId, code), staffId + " " + code);
            }
        }
        assertEquals("false", browser.findElement(By.id("period-state")).getAttribute("data-closed"));

        // sort by total: ascending, then descending on a second click
        List<String> ascending = api.stream().sorted(Comparator.comparing((Map<String, Object> r) -> (BigDecimal) r.get("total"))
                .thenComparing(r -> (String) r.get("staffId"))).map(r -> (String) r.get("staffId")).toList();
        assertEquals(List.of(idle, some, busy), ascending, "fewer effective calls, a larger deduction");
        browser.findElement(By.cssSelector("#scores th[data-key='total'] button")).click();
        assertEquals(ascending, shownStaffIds());
        assertEquals("ascending", browser.findElement(By.cssSelector("#scores th[data-key='total']")).getAttribute("aria-sort"));
        browser.findElement(By.cssSelector("#scores th[data-key='total'] button")).click();
        assertEquals(List.of(busy, some, idle), shownStaffIds());
        browser.findElement(By.cssSelector("#scores th[data-key='staffId'] button")).click();
        assertEquals(api.stream().map(r -> (String) r.get("staffId")).sorted().toList(), shownStaffIds());

        // a row's breakdown: each indicator's points, the standard, the counted calls
        browser.findElement(By.cssSelector("#scores tbody tr[data-staff-id='" + busy + "']")).click();
        waitUntil(d -> d.findElement(By.id("breakdown")).isDisplayed()
                && busy.equals(d.findElement(By.id("breakdown-staff")).getText()));
        JsonPath explained = Api.as(supervisor).when().get("/api/scores/{p}/{s}", PERIOD, busy).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> busyRow = api.stream().filter(r -> busy.equals(r.get("staffId"))).findFirst().orElseThrow();
        assertEquals(points(indicatorPoints(busyRow, "CALLS")), browser.findElement(
                By.cssSelector("#indicators tr[data-code='CALLS'] td[data-key='points']")).getText());
        assertEquals("3", browser.findElement(By.cssSelector("#indicators tr[data-code='CALLS'] td[data-key='measured']"))
                .getText());
        assertEquals(String.valueOf(explained.getInt("standard.workingDays")),
                browser.findElement(By.id("standard-working-days")).getText());
        assertEquals(3, explained.getList("records.CALLS.counted").size());
        String records = browser.findElement(By.id("records")).getText();
        for (Object callId : explained.getList("records.CALLS.counted")) {
            assertTrue(records.contains(callId.toString()), records);
        }

        // qualitative points outside [0, 150]: the problem inline; then 100 + 50 raise the total
        String before = cell(busy, "total");
        browser.findElement(By.id("training")).clear();
        browser.findElement(By.id("training")).sendKeys("200");
        browser.findElement(By.id("daily-management")).clear();
        browser.findElement(By.id("daily-management")).sendKeys("50");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('qualitative-form').noValidate = true;");
        browser.findElement(By.id("save-qualitative")).click();
        waitUntil(d -> d.findElement(By.id("qualitative-error")).isDisplayed());
        assertTrue(browser.findElement(By.id("qualitative-error")).getText().contains("TRAINING"),
                browser.findElement(By.id("qualitative-error")).getText());
        browser.findElement(By.id("training")).clear();
        browser.findElement(By.id("training")).sendKeys("100");
        browser.findElement(By.id("save-qualitative")).click();
        waitUntil(d -> !before.equals(cell(busy, "total")));
        Map<String, Object> after = apiRows(supervisor).stream().filter(r -> busy.equals(r.get("staffId"))).findFirst()
                .orElseThrow();
        assertEquals(points(after.get("total")), cell(busy, "total"));
        assertEquals(new BigDecimal(before).add(new BigDecimal("150")).setScale(2, RoundingMode.HALF_UP).toPlainString(),
                cell(busy, "total"));
        assertEquals("150.00", cell(busy, "qualitative"));

        // targets: the form shows the RM's (defaults filled in); 3 calls as the target give the full 80 points
        float callsTarget = Api.as(supervisor).when().get("/api/targets/{p}/{s}", PERIOD, busy).then().statusCode(200)
                .extract().jsonPath().getFloat("calls");
        assertEquals(callsTarget, Float.parseFloat(browser.findElement(By.id("target-CALLS")).getAttribute("value")));
        browser.findElement(By.id("target-CALLS")).clear();
        browser.findElement(By.id("target-CALLS")).sendKeys("3");
        browser.findElement(By.id("save-targets")).click();
        waitUntil(d -> "80.00".equals(cell(busy, "CALLS")));
        waitUntil(d -> "80.00".equals(d.findElement(
                By.cssSelector("#indicators tr[data-code='CALLS'] td[data-key='points']")).getText()));

        // close the period (confirmed): the closed marker, no close button, the API says closed
        browser.findElement(By.id("close-period")).click();
        browser.switchTo().alert().accept();
        waitUntil(d -> "true".equals(
                d.findElement(By.id("period-state")).getAttribute("data-closed")));
        assertNotEquals("", browser.findElement(By.id("period-state")).getText());
        assertTrue(!browser.findElement(By.id("close-period")).isDisplayed());
        assertTrue(apiRows(supervisor).stream().allMatch(r -> Boolean.TRUE.equals(r.get("closed"))));

        // an RM: their own row only, and no forms
        signIn(some);
        browser.get(root + "scores?period=" + PERIOD);
        waitForRows(1);
        assertEquals(List.of(some), shownStaffIds());
        assertTrue(browser.findElements(By.id("qualitative-form")).isEmpty());
        assertTrue(browser.findElements(By.id("targets-form")).isEmpty());
        assertTrue(browser.findElements(By.id("close-period")).isEmpty());
        Map<String, Object> own = apiRows(some).get(0);
        assertEquals(points(own.get("total")), cell(some, "total"));
    }

    @Test
    void theCampaignPageShowsItsFunnel() {
        RobotCampaigns robot = new RobotCampaigns(dialer);
        robot.customer('0');
        robot.customer('4');
        String campaign = robot.robotCampaign(null);
        RobotCampaigns.buildList(campaign);
        JsonPath funnel = Api.supervisor().when().get("/api/campaigns/{id}/funnel", campaign).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, funnel.getLong("listed"));

        signIn(login("SUPERVISOR", "SUPERVISOR", "svf"));
        browser.get(root + "campaigns/" + campaign);
        waitUntil(d -> !d.findElements(By.cssSelector("#funnel-table tr[data-key='listed']")).isEmpty());
        assertTrue(browser.findElement(By.id("funnel-result")).isDisplayed());
        for (String step : List.of("listed", "attempted", "reached")) {
            assertEquals(String.valueOf(funnel.getLong(step)), browser.findElement(
                    By.cssSelector("#funnel-table tr[data-key='" + step + "'] td.number")).getText(), step);
        }
        assertEquals("function", ((JavascriptExecutor) browser).executeScript("return typeof Chart"),
                "Chart.js is served from the webjar");
        assertTrue(browser.findElement(By.id("funnel-chart")).isDisplayed());

        // a window before the list: nothing listed
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('funnel-from').value = '2026-11-01';"
                        + "document.getElementById('funnel-to').value = '2026-11-24';");
        browser.findElement(By.id("funnel-show")).click();
        waitUntil(d -> "0".equals(d.findElement(
                By.cssSelector("#funnel-table tr[data-key='listed'] td.number")).getText()));
    }
}
