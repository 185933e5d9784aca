package com.bank.callcenter.pages;

import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The desk's script (static/desk.js) in a real browser against a stand-in for the agent API
 * (test resource desk/fake-agent-api.js, installed before the page's scripts): the state switch,
 * the card, the call, the disposition with its inline problems, the keys, SMS, the live events.
 * {@link DeskBrowserTest} runs the same desk against the real API. Skipped where no Chromium exists.
 */
@QuarkusTest
class DeskScriptBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RM = "rm-desk-script";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no Chromium here (" + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed; Debian: apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--lang=zh-CN",
                "--window-size=1366,768");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDeskWorksTheWholeTurnAgainstTheContract() throws IOException {
        TestUsers.remoteManager(RM);
        browser.manage().deleteAllCookies();
        browser.get(root + "login");
        browser.findElement(By.id("username")).sendKeys(RM);
        browser.findElement(By.id("password")).sendKeys(RM);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("go-desk")).isEmpty());
        try (InputStream fake = getClass().getResourceAsStream("/desk/fake-agent-api.js")) {
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", new String(fake.readAllBytes(), StandardCharsets.UTF_8)));
        }
        browser.get(root + "desk?lang=zh");
        WebElement desk = browser.findElement(By.id("desk"));

        // the server's state; a pause needs a reason (said inline), then PAUSED with it
        await(() -> "OFFLINE".equals(attribute("agent-state", "data-state")));
        assertEquals("离线", text("agent-state"));
        assertEquals("3", text("queue-length"));
        assertFalse(browser.findElement(By.id("next")).isEnabled(), "Next waits for READY");
        browser.findElement(By.id("state-pause")).click();
        await(() -> browser.findElement(By.id("state-error")).isDisplayed());
        assertEquals(desk.getAttribute("data-pause-reason-first"), text("state-error"));
        new Select(browser.findElement(By.id("pause-reason"))).selectByValue("MEAL");
        browser.findElement(By.id("state-pause")).click();
        await(() -> "PAUSED".equals(attribute("agent-state", "data-state")));
        assertTrue(text("agent-state-detail").contains("用餐"), text("agent-state-detail"));
        browser.findElement(By.id("state-ready")).click();
        await(() -> "READY".equals(attribute("agent-state", "data-state")));

        // N: the card, the masked mobile, labels of tier, product and the earlier disposition
        key("n");
        await(() -> browser.findElement(By.id("customer-card")).isDisplayed());
        assertEquals("张三", text("customer-name"));
        assertEquals("139****5678", text("customer-mobile"));
        assertEquals("中高端", text("customer-tier"));
        assertEquals("123,456.50", text("customer-aum"));
        assertEquals("您好，我是您的客户经理。", text("campaign-script"));
        assertTrue(text("holdings").contains("定期存款") && text("holdings").contains("50,000.00")
                && text("holdings").contains("2026-12-02"), text("holdings"));
        assertTrue(text("outflows").contains("招商银行"), text("outflows"));
        assertTrue(text("contacts").contains("预约回访"), text("contacts"));

        // a shortcut is only a letter while typing in a field
        browser.findElement(By.id("note")).sendKeys("1");
        assertEquals("false", browser.findElement(By.cssSelector("button[data-code=INTERESTED]")).getAttribute("aria-pressed"));
        browser.findElement(By.id("note")).clear();

        // 3 = CALLBACK shows the date-time picker; saving before a call says so inline
        key("3");
        assertTrue(browser.findElement(By.id("callback-field")).isDisplayed());
        assertFalse(browser.findElement(By.id("product-field")).isDisplayed());
        assertFalse(browser.findElement(By.id("save-disposition")).isEnabled(), "no call yet");

        // C: the call follows its state to the end; the server says ON_CALL, then WRAP_UP
        key("c");
        await(() -> "COMPLETED".equals(attribute("call-state", "data-state")));
        assertTrue(text("call-state").contains("1:05"), text("call-state"));
        assertTrue(fakeRequests().contains("POST /api/calls {\"customerId\":\"C-FAKE-1\",\"entryId\":7}"),
                fakeRequests().toString());
        assertFalse(browser.findElement(By.id("hangup")).isEnabled(), "no hang-up endpoint: disabled");
        assertFalse(browser.findElement(By.id("hangup")).getAttribute("title").isEmpty(), "with a tooltip");
        emit("state", "{\"staffId\":\"rm-fake\",\"state\":\"WRAP_UP\",\"wrapUpUntil\":\""
                + java.time.Instant.now().plusSeconds(30) + "\"}");
        assertEquals("话后整理", text("agent-state"));
        assertTrue(text("agent-state-detail").contains("话后整理剩余秒数"), text("agent-state-detail"));
        emit("today", "{\"dialled\":1,\"answered\":1,\"effective\":0,\"talkSeconds\":65,\"sms\":0,"
                + "\"effectiveStandard\":4,\"queueLength\":2}");
        assertEquals("1", text("today-dialled"));
        assertEquals("1:05", text("today-talk"));

        // CALLBACK without a time: the server's detail inline; with one: saved, the card put away
        browser.findElement(By.id("save-disposition")).click();
        await(() -> browser.findElement(By.id("disposition-error")).isDisplayed());
        assertTrue(text("disposition-error").contains("callbackAt"), text("disposition-error"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('callback-at').value = '2026-11-26T15:30'");
        browser.findElement(By.id("note")).sendKeys("下午再打");
        browser.findElement(By.id("save-disposition")).click();
        await(() -> desk.getAttribute("data-saved").equals(text("disposition-status")));
        assertFalse(browser.findElement(By.id("customer-card")).isDisplayed());
        String disposition = fakeRequests().stream().filter(r -> r.contains("/disposition")).reduce((a, b) -> b).orElseThrow();
        assertTrue(disposition.contains("\"code\":\"CALLBACK\"") && disposition.contains("\"callbackAt\":\"2026-11-26T")
                && disposition.contains("\"note\":\"下午再打\""), disposition);
        await(() -> "1".equals(text("today-effective")));
        assertEquals("1", browser.findElement(By.id("today-progress")).getAttribute("value"));
        assertEquals("4", browser.findElement(By.id("today-progress")).getAttribute("max"));

        // a hand-off from the robot queue shows its card and follows its call
        emit("handoff", "{\"entryId\":8,\"callId\":\"99999999-2222-3333-4444-555555555555\",\"campaign\":{\"id\":\"r\","
                + "\"name\":\"机器人转人工\",\"script\":\"客户按了1\"},\"customer\":{\"customerId\":\"C-FAKE-3\","
                + "\"name\":\"王五\",\"mobileMasked\":\"138****0000\",\"tier\":\"MASS\",\"aum\":5000}}");
        await(() -> browser.findElement(By.id("handoff-note")).isDisplayed());
        assertEquals("王五", text("customer-name"));
        assertEquals("大众", text("customer-tier"));
        assertTrue(browser.findElement(By.id("call-state")).isDisplayed());

        // SMS from an active template
        List<String> templates = new Select(browser.findElement(By.id("sms-template"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("到期提醒"), templates);
        browser.findElement(By.id("sms-send")).click();
        await(() -> desk.getAttribute("data-sms-sent").equals(text("sms-status")));
        assertTrue(fakeRequests().contains("POST /api/sms {\"customerId\":\"C-FAKE-3\",\"templateId\":\"maturity\"}"),
                fakeRequests().toString());

        // the callbacks, and one taken into the card
        assertTrue(text("callbacks").contains("李四"), text("callbacks"));
        Files.write(Path.of("target", "desk-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript("return window.fakeDesk.errors"),
                "no script errors");
    }

    private void await(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).until(d -> condition.getAsBoolean());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private String attribute(String id, String name) {
        String value = browser.findElement(By.id(id)).getAttribute(name);
        return value == null ? "" : value;
    }

    @SuppressWarnings("unchecked")
    private List<String> fakeRequests() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.fakeDesk.requests");
    }

    private void emit(String name, String json) {
        ((JavascriptExecutor) browser).executeScript("window.fakeDesk.emit(arguments[0], JSON.parse(arguments[1]))",
                name, json);
    }

    private void key(String key) {
        ((JavascriptExecutor) browser).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(browser).sendKeys(key).perform();
    }
}
