package com.bank.callcenter.pages;

import com.bank.callcenter.desk.AgentStates;
import com.bank.callcenter.desk.Desks;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Await;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor's dashboard in a real browser (Debian's chromium and chromium-driver; skipped where
 * they are missing): a supervisor of a branch of its own signs in and opens /dashboard; what the page
 * shows equals GET /api/dashboard/today; an RM of the branch goes READY and places a call the simulated
 * PBX answers, and the page follows through /api/dashboard/stream without a reload; the hourly chart
 * is a Chart.js chart whose dialled bars add up to today's dialled; the page speaks Chinese and English;
 * a lost stream shows 'reconnecting' and the page comes back live by itself.
 */
@QuarkusTest
class DashboardBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Ringing the RM, then the customer, the talk and the hang-up in the simulated PBX, then the stream. */
    private static final Duration CALL_WAIT = Duration.ofSeconds(90);
    private static final List<String> STATES = List.of("READY", "ON_CALL", "WRAP_UP", "PAUSED", "OFFLINE");

    /** Everything the page shows as numbers, read from its data-value attributes and from its chart. */
    private static final String READ_PAGE = """
            const value = id => document.getElementById(id).dataset.value;
            const page = {totals: {}, robot: {}, states: {}, agents: {}};
            ['dialled', 'answered', 'answer-rate', 'effective', 'avg-talk', 'sms', 'calls-in-progress']
                .forEach(id => page.totals[id] = value('total-' + id));
            ['pressed1', 'pressed2', 'pressed9', 'no-input', 'calls-in-progress'].forEach(id => page.robot[id] = value('robot-' + id));
            ['READY', 'ON_CALL', 'WRAP_UP', 'PAUSED', 'OFFLINE'].forEach(s => page.states[s] = value('state-count-' + s));
            document.querySelectorAll('#agents tr[data-staff-id]').forEach(row => page.agents[row.dataset.staffId] = {
                state: row.dataset.state,
                dialled: row.querySelector('td.dialled').dataset.value,
                answered: row.querySelector('td.answered').dataset.value,
                talk: row.querySelector('td.talk').dataset.value,
                effective: row.querySelector('.meter-value.effective').dataset.value,
                sms: row.querySelector('.meter-value.sms').dataset.value});
            const chart = window.Chart && Chart.getChart(document.getElementById('hourly-chart'));
            const sum = data => data.reduce((a, b) => a + b, 0);
            page.chart = chart ? {dialled: sum(chart.data.datasets[0].data), answered: sum(chart.data.datasets[1].data)} : null;
            return JSON.stringify(page);
            """;


    @TestHTTPResource("/")
    URL root;

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    AgentStates states;

    private Desks desks;
    private final List<String> campaigns = new ArrayList<>();



    @BeforeEach
    void setUp() {
        clock.reset();
        desks = new Desks(hasher);
    }

    @AfterEach
    void tearDown() {
        campaigns.forEach(Desks::end);
        Desks.everyoneOffline(states);
        clock.reset();
    }

    @Test
    void theSupervisorSeesTodayLiveAsTheApiHasItAndTheRmsCallMovesThePageWithoutAReload() {
        String rm = desks.rm();
        desks.customer(rm, '0', "20000"); // the mobile answers
        campaigns.add(desks.activeCampaign(60, null));
        String supervisor = branchSupervisor();
        // the dashboard reads staff from a cache it refreshes when it meets someone new
        Await.until("the dashboard shows the branch's RM, and only them", WAIT,
                () -> List.of(rm).equals(today(supervisor).getList("agents.staffId")));

        signIn(supervisor);
        browser.get(root + "dashboard");
        awaitLive();
        // what the page shows is what the API says
        assertThePageShowsTheApi(supervisor, WAIT);
        JsonPath before = today(supervisor);
        assertEquals("OFFLINE", before.getString("agents.find { it.staffId == '%s' }.state".formatted(rm)));
        int dialledBefore = before.getInt("totals.dialled");
        int answeredBefore = before.getInt("totals.answered");
        // the chart is Chart.js's, its dialled bars add up to today's dialled
        assertEquals(Boolean.TRUE, js("return Chart.getChart(document.getElementById('hourly-chart')) !== undefined;"));
        assertEquals("bar", js("return Chart.getChart(document.getElementById('hourly-chart')).config.type;"));
        assertEquals(((Number) js("return Chart.getChart(document.getElementById('hourly-chart')).data.datasets[0].data"
                + ".reduce((a, b) => a + b, 0);")).intValue(), dialledBefore);

        // from now on nothing reloads the page: this mark would be gone
        js("window.dashboardTestMark = 'still here';");

        // the RM goes ready: their row moves to READY through the stream
        Desks.ready(rm);
        new WebDriverWait(browser, WAIT).until(d -> "READY".equals(rowState(rm)));
        String ready = browser.findElement(By.id("dashboard")).getAttribute("data-state-ready");
        assertEquals(ready, rowText(rm, ".state"));
        // counted on the service's clock (the test clock is days behind the browser's): well under a minute
        assertTrue(rowText(rm, "td.since").matches("0:[0-5]\\d"),
                "how long the RM has been READY, as m:ss: " + rowText(rm, "td.since"));

        // the RM takes the customer and calls; the simulated PBX answers and hangs up
        JsonPath card = Desks.take(rm);
        String callId = Desks.call(rm, card.getString("customer.customerId"), card.getLong("entryId"));
        Await.until("call answered and completed", CALL_WAIT, () -> "COMPLETED".equals(Desks.callState(callId)));
        Await.until("the API counts the call", CALL_WAIT, () -> {
            JsonPath now = today(supervisor);
            return now.getInt("totals.dialled") == dialledBefore + 1 && now.getInt("totals.answered") == answeredBefore + 1
                    && now.getInt("totals.callsInProgress") == 0;
        });

        // the page follows by itself: the same numbers as the API, the chart too
        assertThePageShowsTheApi(supervisor, CALL_WAIT);
        JsonPath after = today(supervisor);
        assertEquals(Integer.toString(dialledBefore + 1), attribute("total-dialled", "data-value"));
        assertEquals(Integer.toString(answeredBefore + 1), attribute("total-answered", "data-value"));
        assertEquals(1, after.getInt("agents.find { it.staffId == '%s' }.dialled".formatted(rm)));
        assertEquals("1", rowText(rm, "td.dialled"));
        assertEquals(((Number) js("return Chart.getChart(document.getElementById('hourly-chart')).data.datasets[0].data"
                + ".reduce((a, b) => a + b, 0);")).intValue(), after.getInt("totals.dialled"));
        assertEquals("still here", js("return window.dashboardTestMark;"), "the page was not reloaded");
        assertEquals("live", attribute("live-indicator", "data-live"));
    }

    @Test
    void thePageSpeaksChineseAndEnglish() {
        signIn(branchSupervisor());
        browser.get(root + "dashboard?lang=en");
        awaitLive();
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Live dashboard", browser.findElement(By.cssSelector(".dash-head h1")).getText());
        assertTrue(text("totals").contains("Answer rate"), text("totals"));
        assertTrue(text("robot-card").contains("Pressed 9"), text("robot-card"));
        assertEquals("Live", text("live-indicator"));
        assertEquals("Ready", browser.findElement(By.cssSelector(".state-count[data-state=READY] .state-count-label")).getText());

        browser.findElement(By.linkText("中文")).click();
        new WebDriverWait(browser, WAIT).until(d -> "zh".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        awaitLive();
        assertEquals("实时看板", browser.findElement(By.cssSelector(".dash-head h1")).getText());
        assertTrue(text("totals").contains("接通率"), text("totals"));
        assertTrue(text("robot-card").contains("按 9"), text("robot-card"));
        assertEquals("实时", text("live-indicator"));
        assertEquals("就绪", browser.findElement(By.cssSelector(".state-count[data-state=READY] .state-count-label")).getText());
    }

    /** The browser's network goes away (Chromium's offline emulation) and comes back: a fresh stream. */
    @Test
    void aLostStreamShowsReconnectingAndComesBackLive() {
        signIn(branchSupervisor());
        browser.get(root + "dashboard?lang=en");
        awaitLive();
        js("window.dashboardTestMark = 'still here';");
        ChromiumDriver chrome = (ChromiumDriver) browser;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chrome.setNetworkConditions(offline);
        try {
            new WebDriverWait(browser, WAIT).until(d -> "reconnecting".equals(attribute("live-indicator", "data-live")));
            assertEquals("Reconnecting…", text("live-indicator"));
        } finally {
            chrome.deleteNetworkConditions();
        }
        new WebDriverWait(browser, WAIT).until(d -> "live".equals(attribute("live-indicator", "data-live")));
        assertEquals("Live", text("live-indicator"));
        assertEquals("still here", js("return window.dashboardTestMark;"), "the page was not reloaded");
    }

    @Test
    void anRmMayNotOpenTheDashboard() {
        String rm = desks.rm();
        Api.as(rm).when().get("/dashboard").then().statusCode(403);
        Api.as(rm).when().get("/api/dashboard/today").then().statusCode(403);
    }

    /** A supervisor login of the test's branch (password = user name): the dashboard shows that branch only. */
    private String branchSupervisor() {
        String id = "sv-" + desks.branch().toLowerCase(Locale.ROOT);
        if (Db.count("select count(*) from staff where staff_id = ?", id) == 0) {
            Db.execute("insert into staff (staff_id, name, role, branch_id) values (?, ?, 'SUPERVISOR', ?)",
                    id, "主管 " + id, desks.branch());
            Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'SUPERVISOR', ?)",
                    id, hasher.hash(id), id);
        }
        return id;
    }

    private void signIn(String username) {
        signIn(root, username);
    }

    /** The first GET /api/dashboard/today is drawn and the stream is open. */
    private void awaitLive() {
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(attribute("dashboard", "data-loaded"))
                && "live".equals(attribute("live-indicator", "data-live")));
        assertEquals(attribute("dashboard", "data-live"), text("live-indicator"));
    }

    /** The page and GET /api/dashboard/today agree (the page follows the API within {@code wait}). */
    private void assertThePageShowsTheApi(String supervisor, Duration wait) {
        try {
            new WebDriverWait(browser, wait).until(d -> expected(today(supervisor)).equals(shown()));
        } catch (TimeoutException e) {
            assertEquals(expected(today(supervisor)), shown(), "the page shows GET /api/dashboard/today");
        }
    }

    private static JsonPath today(String supervisor) {
        return Api.as(supervisor).when().get("/api/dashboard/today").then().statusCode(200).extract().jsonPath();
    }

    /** The API's numbers in the shape {@link #shown()} reads them from the page. */
    private static String expected(JsonPath today) {
        Map<String, Object> totals = today.getMap("totals");
        Map<String, Object> robot = today.getMap("robot");
        List<Map<String, Object>> agents = today.getList("agents");
        StringBuilder out = new StringBuilder();
        out.append("totals dialled=").append(n(totals.get("dialled"))).append(" answered=").append(n(totals.get("answered")))
                .append(" answerRate=").append(n(totals.get("answerRate"))).append(" effective=").append(n(totals.get("effective")))
                .append(" avgTalk=").append(n(totals.get("avgTalkSeconds"))).append(" sms=").append(n(totals.get("sms")))
                .append(" inProgress=").append(n(totals.get("callsInProgress")));
        out.append("\nrobot 1=").append(n(robot.get("pressed1"))).append(" 2=").append(n(robot.get("pressed2")))
                .append(" 9=").append(n(robot.get("pressed9"))).append(" none=").append(n(robot.get("noInput")))
                .append(" inProgress=").append(n(robot.get("callsInProgress")));
        out.append("\nstates");
        for (String state : STATES) {
            out.append(' ').append(state).append('=').append(agents.stream().filter(a -> state.equals(a.get("state"))).count());
        }
        Map<String, String> rows = new TreeMap<>();
        for (Map<String, Object> agent : agents) {
            rows.put((String) agent.get("staffId"), agent.get("state") + " dialled=" + n(agent.get("dialled"))
                    + " answered=" + n(agent.get("answered")) + " talk=" + n(agent.get("talkSeconds"))
                    + " effective=" + n(agent.get("effective")) + " sms=" + n(agent.get("sms")));
        }
        rows.forEach((staffId, row) -> out.append("\nagent ").append(staffId).append(' ').append(row));
        int hourlyDialled = 0;
        int hourlyAnswered = 0;
        for (Map<String, Object> hour : today.<Map<String, Object>>getList("hourly")) {
            hourlyDialled += ((Number) hour.get("dialled")).intValue();
            hourlyAnswered += ((Number) hour.get("answered")).intValue();
        }
        out.append("\nchart dialled=").append(hourlyDialled).append(" answered=").append(hourlyAnswered);
        return out.toString();
    }

    /** The page's numbers (data-value attributes and the chart's data). */
    private String shown() {
        JsonPath page = new JsonPath((String) js(READ_PAGE));
        StringBuilder out = new StringBuilder();
        out.append("totals dialled=").append(n(page.get("totals.dialled"))).append(" answered=").append(n(page.get("totals.answered")))
                .append(" answerRate=").append(n(page.get("totals.answer-rate"))).append(" effective=")
                .append(n(page.get("totals.effective"))).append(" avgTalk=").append(n(page.get("totals.avg-talk")))
                .append(" sms=").append(n(page.get("totals.sms"))).append(" inProgress=")
                .append(n(page.get("totals.calls-in-progress")));
        out.append("\nrobot 1=").append(n(page.get("robot.pressed1"))).append(" 2=").append(n(page.get("robot.pressed2")))
                .append(" 9=").append(n(page.get("robot.pressed9"))).append(" none=").append(n(page.get("robot.no-input")))
                .append(" inProgress=").append(n(page.get("robot.calls-in-progress")));
        out.append("\nstates");
        for (String state : STATES) {
            out.append(' ').append(state).append('=').append(page.getString("states." + state));
        }
        Map<String, Map<String, Object>> agents = new TreeMap<>(page.getMap("agents"));
        agents.forEach((staffId, row) -> out.append("\nagent ").append(staffId).append(' ').append(row.get("state"))
                .append(" dialled=").append(n(row.get("dialled"))).append(" answered=").append(n(row.get("answered")))
                .append(" talk=").append(n(row.get("talk"))).append(" effective=").append(n(row.get("effective")))
                .append(" sms=").append(n(row.get("sms"))));
        out.append("\nchart dialled=").append(n(page.get("chart.dialled"))).append(" answered=")
                .append(n(page.get("chart.answered")));
        return out.toString();
    }

    /** A number however it came (JSON number, attribute text), to three decimals; '-' for none. */
    private static String n(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "-";
        }
        double number = Double.parseDouble(value.toString());
        return number == Math.rint(number) ? Long.toString((long) number) : String.format(Locale.ROOT, "%.3f", number);
    }

    /** Read in the page itself: the rows are drawn anew with every change. */
    private String rowState(String staffId) {
        Object state = ((JavascriptExecutor) browser).executeScript("const row = document.querySelector("
                + "'#agents tr[data-staff-id=\"' + arguments[0] + '\"]'); return row ? row.dataset.state : '';", staffId);
        return state == null ? "" : state.toString();
    }

    private String rowText(String staffId, String selector) {
        Object text = ((JavascriptExecutor) browser).executeScript("const cell = document.querySelector("
                + "'#agents tr[data-staff-id=\"' + arguments[0] + '\"] ' + arguments[1]); return cell ? cell.textContent.trim() : '';",
                staffId, selector);
        return text == null ? "" : text.toString();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private String attribute(String id, String name) {
        String value = browser.findElement(By.id(id)).getAttribute(name);
        return value == null ? "" : value;
    }
}
