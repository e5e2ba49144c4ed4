package dev.camelspark.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The status page in a real headless browser (Debian's Chromium, driven through its chromedriver by Selenium), while
 * the application runs jobs against the emulator: it shows them, and redraws itself as they change, with no reload.
 * Skipped, saying what to install, where Chromium is not installed.
 */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=1",
                              "camel.component.neospark.poll-interval=100", "camel.component.neospark.max-poll-interval=200" })
class StatusPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DIR = BatchApplicationTestSupport.newDir("browser");

    @Produce
    ProducerTemplate template;

    private WebDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium at " + CHROMIUM + " (or no " + CHROMEDRIVER + "): the status page's browser test is skipped;"
                + " to run it: apt-get install chromium chromium-driver");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    CamelContext context() {
        return template.getCamelContext();
    }

    static void drop(String relative, String content) throws Exception {
        BatchApplicationTestSupport.drop(DIR, relative, content.getBytes(StandardCharsets.UTF_8), null);
    }

    WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no sandbox: tests may run as root (CI does)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get("http://localhost:" + StatusPage.port(context()) + "/status");
        return browser;
    }

    /** The cells of the provider's row in the jobs table: provider, queued, running, done, failed, already done, cost. */
    @SuppressWarnings("unchecked")
    static List<String> providerRow(WebDriver browser, String provider) {
        // read in one script: the page redraws its rows every two seconds, so an element found earlier may be gone
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(\"#providers tr[data-provider='\" + arguments[0] + \"'] td\"))"
                + ".map(td => td.textContent)", provider);
    }

    static void waitFor(WebDriver browser, java.util.function.Predicate<WebDriver> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition::test);
    }

    @Test
    void thePageShowsTheJobsAndRedrawsItselfAsTheyChange() throws Exception {
        SparkEmulator emulator = context().getRegistry().lookupByNameAndType("sparkEmulator", SparkEmulator.class);
        emulator.settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(200));
        emulator.neospark().videoTimes(Duration.ofMillis(100), Duration.ofSeconds(3));
        WebDriver page = open();
        assertThat(page.getTitle()).isEqualTo("camel-spark batch");
        waitFor(page, b -> !b.findElement(By.id("updated")).getText().equals("never"));

        // a long task: the page shows it in flight with its progress bar, then gone once done
        drop("video/waves.txt", "Waves rolling onto a beach at dusk");
        waitFor(page, b -> b.findElement(By.id("inflight")).getText().contains("video/waves.txt")
                           && !b.findElements(By.cssSelector("#inflight .bar")).isEmpty());
        assertThat(page.findElement(By.id("inflight")).getText()).contains("neospark:video").contains("running");
        waitFor(page, b -> providerRow(b, "neospark").size() == 7 && providerRow(b, "neospark").get(3).equals("1"));
        assertThat(providerRow(page, "neospark").get(6)).endsWith("credits");
        assertThat(page.findElement(By.id("inflight")).getText()).doesNotContain("video/waves.txt");

        // a paid image and a refused job, without reloading the page
        drop("dream/oasis.txt", "An oasis at night");
        drop("jobs/typo.json", "{\"provider\": \"dynaspark\", \"operation\": \"imaeg\", \"prompt\": \"x\"}");
        waitFor(page, b -> providerRow(b, "sparkdream").size() == 7 && providerRow(b, "sparkdream").get(3).equals("1"));
        assertThat(page.findElement(By.id("cost")).getText()).contains("USD").contains("credits");
        waitFor(page, b -> b.findElement(By.id("errors")).getText().contains("jobs/typo.json"));
        // the reason as text: what the job file got wrong and what is allowed
        assertThat(page.findElement(By.id("errors")).getText()).contains("unknown operation 'imaeg'")
                .contains("allowed: audio, image, text");
        assertThat(page.findElement(By.id("stale")).getText()).isEmpty();
    }
}
