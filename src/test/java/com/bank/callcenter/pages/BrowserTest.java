package com.bank.callcenter.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

/** What every browser test shares: one headless {@link Chromium} per test class, and signing in by the form. */
abstract class BrowserTest {

    private static final Duration SIGN_IN_WAIT = Duration.ofSeconds(20);

    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Signs in through the login form as a demo user (password = user name), a fresh session each time. */
    static void signIn(URL root, String user) {
        browser.manage().deleteAllCookies();
        browser.get(root + "login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, SIGN_IN_WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
