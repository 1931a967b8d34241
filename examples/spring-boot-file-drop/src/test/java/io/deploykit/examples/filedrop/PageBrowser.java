package io.deploykit.examples.filedrop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the page's scenarios: Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver} (nothing is downloaded; {@code .ci/run} installs both), 1280x800, in a time zone
 * that is not the server's, so the page must show times in the browser's own.
 */
final class PageBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String TIME_ZONE = "Asia/Tokyo";
    /** How {@code toLocaleString} names that zone in English. */
    static final String TIME_ZONE_NAME = "GMT+9";

    private final ChromeDriver driver;
    private final String page;
    private final Path screenshots;

    PageBrowser(String page, Path screenshots) {
        this.page = page;
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", TIME_ZONE));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Signs in through the page's form; leaves the browser on the page. */
    void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(page + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until("the page for " + user, d -> d.findElement(By.id("user")).getText().equals(user));
        // its first news from the server: the role and the inboxes come with it
        until("the page's first state", d -> !d.findElement(By.id("role")).getText().equals("…"));
    }

    void open() {
        driver.get(page);
    }

    /** The element once the condition finds it, within 60 s (a release waits for its gate's poll). */
    <T> T until(String what, ExpectedCondition<T> condition) {
        try {
            // the page redraws a section when its data changes: an element found before may be gone, so look again
            return new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            Path shot = screenshot("failed-" + what.replaceAll("[^A-Za-z0-9.-]+", "-"));
            throw new AssertionError("Not within 60 s: " + what + "; the page said: "
                                     + driver.findElements(By.tagName("body")).stream().map(WebElement::getText)
                                             .findFirst().orElse("nothing") + " (screenshot " + shot + ")", e);
        }
    }

    /** Waits until the element of {@code css} shows a text that {@code wanted} accepts; returns that text. */
    String text(String css, java.util.function.Predicate<String> wanted, String what) {
        return until(what, d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return wanted.test(text) ? text : null;
        });
    }

    boolean hasRow(String section, String attribute, String value) {
        return !driver.findElements(By.cssSelector("#" + section + " tr[" + attribute + "=\"" + value + "\"]")).isEmpty();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as {@code <name>.png}; returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path target = screenshots.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
