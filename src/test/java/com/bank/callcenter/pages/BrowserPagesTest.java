package com.bank.callcenter.pages;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in a real browser (Debian's chromium and chromium-driver, which .ci/run installs): the
 * form login, and the imports page's script — upload, progress, the rejected rows with their lines.
 */
@QuarkusTest
class BrowserPagesTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);


    @TestHTTPResource("/")
    URL root;



    @Test
    void aPlannerSignsInThroughTheFormAndAnImportShowsItsRejectedRowsThenItsSuccess() throws IOException {
        signIn(root, "planner");
        new WebDriverWait(browser, WAIT).until(d -> d.getPageSource().contains("PLANNER"));

        browser.get(root + "imports");
        upload("dnc", "mobile,reason\n19987654321,客户要求\n123,坏号码\n");
        WebElement errors = browser.findElement(By.id("errors"));
        new WebDriverWait(browser, WAIT).until(d -> errors.isDisplayed());
        List<WebElement> cells = errors.findElements(By.cssSelector("tbody tr:first-child td"));
        assertEquals("3", cells.get(0).getText(), "the bad row's line");
        assertEquals("mobile", cells.get(1).getText(), "the bad row's column");

        upload("dnc", "mobile,reason\n19987654321,客户要求\n");
        String succeeded = browser.findElement(By.id("import-form")).getAttribute("data-succeeded");
        new WebDriverWait(browser, WAIT).until(d -> succeeded.equals(d.findElement(By.id("status")).getText()));
        assertTrue(browser.findElement(By.id("counts")).getText().contains("1"), "one row accepted");
        assertTrue(!errors.isDisplayed(), "no rejected rows left on the page");
    }

    private void upload(String kind, String csv) throws IOException {
        File file = Files.createTempFile("extract", ".csv").toFile();
        Files.writeString(file.toPath(), csv, StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("file")).sendKeys(file.getAbsolutePath());
        browser.findElement(By.id("submit")).click();
    }
}
