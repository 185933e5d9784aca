package com.bank.callcenter.pages;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.campaigns.Definitions;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Fixtures;
import com.bank.callcenter.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RM's desk in a real browser (Debian's chromium and chromium-driver; skipped where they are
 * missing): an RM signs in, goes ready, takes the customer of an ACTIVE agent-call campaign's list
 * with N, calls with C (the simulated PBX rings the RM's extension, then the customer, who answers),
 * records INTERESTED with 1 and sees today's counters move.
 * <p>
 * Setup: {@link CallBook} gives an RM whose extension answers and one customer of their book whose
 * mobile answers, with a time deposit maturing in a week; the planner creates an AGENT_CALL campaign
 * whose rule is {@code manager: {ids: [that RM]}}, starts it and builds its list for the service's
 * today (the {@link TestClock}: a working day at 10:00 in Shanghai, inside the calling window).
 */
@QuarkusTest
class DeskBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Ringing the RM, then the customer, the talk and the hang-up in the simulated PBX. */
    private static final Duration CALL_WAIT = Duration.ofSeconds(90);
    private static final List<String> FINAL_CALL_STATES = List.of("COMPLETED", "FAILED", "UNKNOWN");


    @TestHTTPResource("/")
    URL root;

    @Inject
    PasswordHasher hasher;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    CallCenterConfig config;



    @BeforeEach
    void workingHours() {
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anRmGoesReadyTakesTheNextCustomerCallsRecordsTheOutcomeAndSeesTheCountersMove() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String customer = book.customer(rm, '0');
        String mobile = CallBook.mobileOf(customer);
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.zone());
        fixtures.holding(customer, "BR-CALLS", "TIME_DEPOSIT", "50000.00", today.plusDays(7));
        String campaign = Definitions.newId("desk");
        Api.planner().contentType("application/json").body("""
                        {"id": "%s", "name": "工作台浏览器测试", "channel": "AGENT_CALL",
                         "rule": {"manager": {"ids": ["%s"]}},
                         "script": "您好，我是您的客户经理，您的定期存款下周到期。"}
                        """.formatted(campaign, rm))
                .when().post("/api/campaigns").then().statusCode(201);
        Api.planner().when().post("/api/campaigns/{id}/start", campaign).then().statusCode(200);
        Api.planner().when().post("/api/campaigns/{id}/lists?asOf=" + today, campaign).then().statusCode(201)
                .body("size", equalTo(1));

        signIn(root, rm);
        // an RM's home is the desk
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/desk"));

        // the server's state is shown, then READY
        new WebDriverWait(browser, WAIT).until(d -> !attribute("agent-state", "data-state").isEmpty());
        browser.findElement(By.id("state-ready")).click();
        new WebDriverWait(browser, WAIT).until(d -> "READY".equals(attribute("agent-state", "data-state")));
        String ready = browser.findElement(By.id("desk")).getAttribute("data-state-ready");
        assertEquals(ready, text("agent-state"));
        new WebDriverWait(browser, WAIT).until(d -> !text("today-dialled").isEmpty());
        String dialledBefore = text("today-dialled");

        // N: the next customer, masked mobile only, with the campaign's script and the holding
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("next")).isEnabled());
        key("n");
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("customer-card")).isDisplayed());
        assertEquals("客户" + customer, text("customer-name"));
        String masked = text("customer-mobile");
        assertFalse(masked.isEmpty(), "a masked mobile is shown");
        assertFalse(masked.contains(mobile), masked);
        assertFalse(browser.getPageSource().contains(mobile), "the full mobile is nowhere on the page");
        assertTrue(text("campaign-script").contains("定期存款下周到期"), text("campaign-script"));
        assertTrue(text("holdings").contains(today.plusDays(7).toString()), text("holdings"));

        // C: the call (unless the campaign is progressive and the service placed it already)
        if (browser.findElement(By.id("call-state")).getAttribute("hidden") != null) {
            new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("call")).isEnabled());
            key("c");
        }
        new WebDriverWait(browser, CALL_WAIT).until(d -> FINAL_CALL_STATES.contains(attribute("call-state", "data-state")));
        assertEquals("COMPLETED", attribute("call-state", "data-state"));

        // 1: INTERESTED, a note, save
        key("1");
        assertEquals("true", browser.findElement(By.cssSelector("button[data-code=INTERESTED]")).getAttribute("aria-pressed"));
        browser.findElement(By.id("note")).sendKeys("下周到网点面谈");
        browser.findElement(By.id("save-disposition")).click();
        String saved = browser.findElement(By.id("desk")).getAttribute("data-saved");
        new WebDriverWait(browser, WAIT).until(d -> saved.equals(text("disposition-status")));
        assertTrue(browser.findElement(By.id("disposition-error")).getAttribute("hidden") != null,
                text("disposition-error"));

        // the counters move: one more dialled and answered
        new WebDriverWait(browser, WAIT).until(d -> Integer.parseInt(text("today-dialled")) > Integer.parseInt(dialledBefore));
        new WebDriverWait(browser, WAIT).until(d -> Integer.parseInt(text("today-answered")) >= 1);
        assertFalse(browser.findElement(By.id("customer-card")).isDisplayed(), "the card is put away after the outcome");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private String attribute(String id, String name) {
        String value = browser.findElement(By.id(id)).getAttribute(name);
        return value == null ? "" : value;
    }

    /** A shortcut key pressed on the page, not in a field. */
    private void key(String key) {
        ((JavascriptExecutor) browser).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(browser).sendKeys(key).perform();
    }
}
