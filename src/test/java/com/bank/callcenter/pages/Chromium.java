package com.bank.callcenter.pages;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium and chromium-driver (installed by .ci/run), headless, for the browser tests; a
 * test is skipped with a clear message where they are missing.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh headless browser with a laptop-sized window. */
    static WebDriver start() throws IOException {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "skipped: no Chromium here (" + BINARY + " and " + DRIVER
                        + " are needed; Debian: apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // the machine's network is closed: no background traffic, no first-run, a fresh profile; a laptop screen
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--lang=zh-CN",
                "--window-size=1366,768");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }
}
