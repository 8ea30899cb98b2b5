package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.adapters.geoip.testing.TestDatabase;
import org.bangui.domain.contract.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI end to end, as a person uses it: the packaged service as a process against a private fail2ban, a
 * loopback list server and the real geo-IP file, driven in Debian's Chromium through its chromedriver (nothing
 * is downloaded). One service and one browser for the whole class; the steps run in order, each on what the
 * previous one left: first-run setup, login, a ban from log lines on the dashboard and its map, a ban, a refused
 * ban and an unban on the Bans page, a jail setting edited and fail2ban reloaded, a blocklist added and imported,
 * one of its addresses found in the history, log out. Every page visited is saved as a PNG in
 * {@code target/ui-screenshots/}, with one at 360 px wide and one in the dark theme.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/ui-screenshots");
    private static final String PASSWORD = "correct horse battery staple";
    /** An address banned through the API documentation page. */
    private static final String DOCS_BAN = "203.0.113.99";
    /** An address the geo-IP file puts in the US, banned by sshd from failed logins. */
    private static final String LOG_BANNED = "8.8.8.8";
    private static final String MANUAL = "203.0.113.77";
    private static final List<String> LIST = List.of("203.0.113.60", "203.0.113.61", "198.51.100.77");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration SLOW = Duration.ofSeconds(40);

    private Path dir;
    private Fail2banSandbox fail2ban;
    private ListServer lists;
    private ServiceProcess service;
    private String base;
    private WebDriver driver;
    private WebDriverWait wait;
    private volatile String failedStep;

    /** Saves the page and the service log when a step fails. */
    @RegisterExtension
    final TestWatcher onFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failedStep = context.getRequiredTestMethod().getName();
            String name = "failure-" + failedStep;
            try {
                if (driver != null) {
                    screenshot(name);
                    Files.writeString(SHOTS.resolve(name + ".html"), driver.getPageSource());
                }
                if (service != null) {
                    Files.writeString(SHOTS.resolve(name + "-service.log"), service.logText());
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    /** The steps build on each other: after a failed one the rest are skipped, not left to time out. */
    @BeforeEach
    void earlierStepsPassed() {
        Assumptions.assumeTrue(failedStep == null, () -> "skipped after the failed step " + failedStep);
    }

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): run scripts/test.sh, which installs them (ensure_browser), or "
                    + "apt-get install chromium chromium-driver");
        }
        Files.createDirectories(SHOTS);
        dir = Files.createTempDirectory("bangui-ui-e2e-");
        fail2ban = Fail2banSandbox.start(dir.resolve("fail2ban"));
        lists = new ListServer();
        lists.serve("/e2e-list.txt", "# the end-to-end test's list", LIST.get(0), LIST.get(1) + " ; a comment",
                LIST.get(2));
        service = ServiceProcess.start(Map.ofEntries(
                Map.entry("BANGUI_DATABASE_PATH", dir.resolve("data/bangui.db").toString()),
                Map.entry("BANGUI_FAIL2BAN_SOCKET", fail2ban.socket().toString()),
                Map.entry("BANGUI_FAIL2BAN_CONFIG_DIR", fail2ban.configDir().toString()),
                Map.entry("BANGUI_FAIL2BAN_DB_PATH", fail2ban.database().toString()),
                Map.entry("BANGUI_GEOIP_DB_PATH", TestDatabase.countryFile().toAbsolutePath().toString()),
                // plain HTTP on loopback, as the demo runs
                Map.entry("BANGUI_COOKIE_SECURE", "false"),
                Map.entry("BANGUI_BLOCKLIST_ALLOW_PRIVATE", "true"),
                Map.entry("BANGUI_BLOCKLIST_CHECK_INTERVAL", "1s"),
                // the history page shows what history_sync archived: archive at once
                Map.entry("BANGUI_HISTORY_SYNC_INTERVAL", "1s"),
                Map.entry("BANGUI_DASHBOARD_CACHE_TIME", "0s"),
                Map.entry("BANGUI_JOBS_HEALTH_CHECK_INTERVAL", "2s"),
                Map.entry("BANGUI_RATE_LIMIT_GLOBAL", "1000000/1m"),
                Map.entry("BANGUI_SHUTDOWN_TIMEOUT", "2s")), dir.resolve("service.log"));
        base = service.uri().toString();
        driver = chromium(dir.resolve("chromium-profile"));
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // the given executables: Selenium Manager never looks for (or downloads) a browser or a driver
        ChromeDriverService chromedriver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(chromedriver, options);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
            deleteTree(dir.resolve("chromium-profile")); // tens of MB per run
        }
        if (service != null) {
            service.close();
        }
        if (lists != null) {
            lists.close();
        }
        if (fail2ban != null) {
            fail2ban.close();
        }
    }

    @Test
    @Order(1)
    void firstRunSetupWithTheTokenFromTheFile() throws IOException {
        driver.get(base + "/");
        wait.until(ExpectedConditions.urlToBe(base + "/setup"));
        heading("Set up BanGUI");
        Path tokenFile = dir.resolve("data/setup-token");
        Eventually.await("the setup-token file", WAIT, () -> Files.isRegularFile(tokenFile));
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        assertThat(token).isNotBlank();
        fill(By.id("setupToken"), token);
        fill(By.id("password"), PASSWORD);
        fill(By.id("passwordRepeat"), PASSWORD + "x");
        assertThat(visible(By.id("passwordRepeat-error")).getText()).contains("differ");
        assertThat(driver.findElement(By.xpath("//button[normalize-space()='Finish setup']")).isEnabled())
                .as("Finish setup while the passwords differ").isFalse();
        fill(By.id("passwordRepeat"), PASSWORD);
        screenshot("setup");
        button("Finish setup").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        heading("Log in to BanGUI");
        assertThat(visible(By.cssSelector(".notice")).getText()).contains("Setup is done");
    }

    @Test
    @Order(2)
    void aWrongPasswordShowsTheProblemThenTheRightOneOpensTheDashboard() {
        heading("Log in to BanGUI");
        fill(By.id("password"), "not the password at all");
        button("Log in").click();
        String message = alertText(By.tagName("form"));
        assertThat(message).isNotBlank().doesNotContain("Exception");
        screenshot("login");
        fill(By.id("password"), PASSWORD);
        button("Log in").click();
        heading("Dashboard");
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
    }

    @Test
    @Order(3)
    void aBanFromLogLinesShowsOnTheDashboardAndTheMap() {
        heading("Dashboard");
        fail2ban.appendSshdFailures(LOG_BANNED, 5);
        WebDriverWait slow = new WebDriverWait(driver, SLOW, Duration.ofMillis(200));
        WebElement us = slow.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".worldmap [data-country=\"US\"][data-count]")));
        assertThat(Integer.parseInt(us.getAttribute("data-count"))).isGreaterThanOrEqualTo(1);
        assertThat(driver.findElements(By.cssSelector(".worldmap svg"))).isNotEmpty();
        slow.until(d -> number(d.findElement(By.cssSelector("[data-testid=\"stat-banned\"]")).getText()) >= 1);
        assertThat(visible(By.cssSelector("[data-testid=\"fail2ban-status\"]")).getText())
                .containsIgnoringCase("online");
        screenshot("dashboard");

        // the same page at a phone's width, and in the dark theme
        driver.manage().window().setSize(new Dimension(360, 800));
        heading("Dashboard");
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        screenshot("dashboard-360");
        driver.manage().window().setSize(new Dimension(1280, 900));
        WebElement theme = button(By.xpath("//button[starts-with(normalize-space(), 'Theme:')]"));
        theme.click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", "dark"));
        screenshot("dashboard-dark");
        button(By.xpath("//button[starts-with(normalize-space(), 'Theme:')]")).click(); // light
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", "light"));
        button(By.xpath("//button[starts-with(normalize-space(), 'Theme:')]")).click(); // the system's again
        wait.until(d -> d.findElement(By.tagName("html")).getAttribute("data-theme") == null);
    }

    @Test
    @Order(4)
    void theJailsPageListsTheJailsAndOneJailShowsItsBan() {
        nav("Jails");
        visible(By.cssSelector("tr[data-jail=\"sshd\"]"));
        visible(By.cssSelector("tr[data-jail=\"blocklist\"]"));
        screenshot("jails");
        driver.get(base + "/jails/sshd");
        waitForPage();
        visible(By.xpath("//main//h2[contains(@class, 'jail-name')][starts-with(normalize-space(), 'sshd')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Banned now"));
        visible(By.name("maxretry"));
        screenshot("jail-sshd");
    }

    @Test
    @Order(5)
    void banAnAddressSeeARefusalAndUnbanIt() {
        nav("Bans");
        By form = By.xpath("//form[.//button[normalize-space()='Ban']]");
        choose(within(form, By.name("jail")), "sshd");
        fill(within(form, By.name("ip")), MANUAL);
        button("Ban").click();
        By row = By.cssSelector("tr[data-jail=\"sshd\"][data-ip=\"" + MANUAL + "\"]");
        visible(row);
        assertThat(fail2ban.client("get", "sshd", "banned", MANUAL).strip()).isEqualTo("1");
        screenshot("bans");

        // the jail ignores loopback: refused, with the reason shown
        fill(within(form, By.name("ip")), "127.0.0.1");
        button("Ban").click();
        String reason = alertText(form);
        assertThat(reason).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("tr[data-ip=\"127.0.0.1\"]"))).isEmpty();
        // so is a network wider than the service allows, for another reason
        fill(within(form, By.name("ip")), "10.0.0.0/7");
        button("Ban").click();
        wait.until(d -> !alertText(form).equals(reason));
        assertThat(alertText(form)).contains("10.0.0.0/7");
        assertThat(driver.findElements(By.cssSelector("tr[data-ip=\"10.0.0.0/7\"]"))).isEmpty();
        screenshot("bans-refused");

        WebElement banned = visible(row);
        // a double-click only arms the button: the confirming press must be a press of its own
        new Actions(driver).doubleClick(centered(banned.findElement(By.xpath(".//button[normalize-space()='Unban']"))))
                .perform();
        assertThat(visible(row).findElement(By.cssSelector("button[data-confirm]")).getText())
                .as("the second click of a double-click did not confirm").isEqualTo("Confirm unban");
        wait.until(d -> d.findElement(row).findElement(By.cssSelector("button[data-confirm='ready']")));
        centered(visible(row).findElement(By.xpath(".//button[normalize-space()='Confirm unban']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(fail2ban.client("get", "sshd", "banned", MANUAL).strip()).isEqualTo("0");
    }

    @Test
    @Order(6)
    void editMaxretryPreviewSaveAndReload() {
        nav("Configuration");
        button("Reload fail2ban");
        screenshot("configuration");
        driver.get(base + "/config/jails/sshd");
        waitForPage();
        WebElement maxretry = visible(By.name("maxretry"));
        String before = fail2ban.client("get", "sshd", "maxretry").strip();
        String next = "7".equals(before) ? "8" : "7";
        fill(By.name("maxretry"), next);
        button("Preview change").click();
        WebElement diff = visible(By.cssSelector(".diff"));
        assertThat(diff.getText()).contains("maxretry").contains(next);
        screenshot("config-jail-sshd");
        button("Save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved."));
        button("Reload fail2ban").click();
        WebElement outcome = visible(By.cssSelector("[data-testid=\"reload-outcome\"]"));
        wait.until(d -> !outcome.getText().isBlank());
        assertThat(outcome.getText()).as("the reload's outcome").contains("Reloaded").contains("sshd");
        assertThat(outcome.getAttribute("role")).isEqualTo("status");
        Eventually.await("fail2ban runs sshd with maxretry " + next, WAIT,
                () -> fail2ban.client("get", "sshd", "maxretry").strip().equals(next));
        assertThat(maxretry.isDisplayed()).isTrue();
    }

    @Test
    @Order(7)
    void addABlocklistAndImportIt() {
        nav("Blocklists");
        By form = By.xpath("//form[.//button[normalize-space()='Add blocklist']]");
        fill(within(form, By.name("name")), "e2e-list");
        fill(within(form, By.name("url")), lists.url("/e2e-list.txt"));
        choose(within(form, By.name("jail")), "blocklist");
        fill(within(form, By.name("schedule")), "1h");
        button("Add blocklist").click();
        By row = By.cssSelector("tr[data-blocklist=\"e2e-list\"]");
        WebDriverWait slow = new WebDriverWait(driver, SLOW, Duration.ofMillis(200));
        // its first, scheduled import starts when it is added: "Import now" while that one runs is refused
        // (409 import_running), so the manual one is asked for once the first has ended
        slow.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-blocklist=\"e2e-list\"] [data-testid=\"last-import\"]"), "succeeded"));
        centered(visible(row).findElement(By.xpath(".//button[normalize-space()='Import now']"))).click();
        // the import asked for here
        slow.until(d -> d.findElements(By.cssSelector("tr[data-import]")).stream()
                .anyMatch(r -> r.getText().contains("manual") && r.findElement(
                        By.cssSelector("[data-testid=\"import-status\"]")).getText().contains("succeeded")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-blocklist=\"e2e-list\"] [data-testid=\"last-import\"]"), "succeeded"));
        screenshot("blocklists");
        Eventually.await("the list's addresses banned in the blocklist jail", WAIT,
                () -> fail2ban.client("get", "blocklist", "banned", LIST.get(0)).strip().equals("1"));
    }

    @Test
    @Order(8)
    void findAnImportedAddressInTheHistory() {
        nav("History");
        By form = By.xpath("//form[.//button[normalize-space()='Apply']]");
        fill(within(form, By.name("ip")), LIST.get(0));
        By row = By.cssSelector("tr[data-ip=\"" + LIST.get(0) + "\"]");
        button("Apply").click();
        wait.until(ExpectedConditions.urlContains("ip=" + LIST.get(0)));
        // history_sync archives every second; apply again until the archived ban is there
        new WebDriverWait(driver, SLOW, Duration.ofMillis(1000)).until(d -> {
            if (!d.findElements(row).isEmpty()) {
                return true;
            }
            button("Apply").click();
            return false;
        });
        assertThat(driver.findElements(By.cssSelector("tr[data-ip]")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-ip")).isEqualTo(LIST.get(0)));
        screenshot("history");
        centered(visible(row).findElement(By.xpath(".//a[normalize-space()='" + LIST.get(0) + "']"))).click();
        wait.until(ExpectedConditions.urlContains("/history/ip/"));
        waitForPage();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), LIST.get(0)));
        screenshot("ip-detail");
    }

    @Test
    @Order(9)
    void theRemainingPagesShowTheirContent() {
        nav("Jobs");
        By historySync = By.cssSelector("tr[data-job=\"history_sync\"]");
        centered(visible(historySync).findElement(By.xpath(".//button[normalize-space()='Run now']"))).click();
        assertThat(visible(By.cssSelector(".notice[role=status]")).getText()).startsWith("Started history_sync");
        // the manual run is recorded and listed with the runs of the schedule
        wait.until(d -> d.findElements(By.cssSelector("tr[data-run]")).stream()
                .map(WebElement::getText).anyMatch(t -> t.contains("history_sync") && t.contains("manual")));
        screenshot("jobs");
        nav("Audit");
        waitForPage();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), MANUAL));
        screenshot("audit");
        nav("Settings");
        waitForPage();
        // this browser's own session is listed
        visible(By.cssSelector("tr[data-session].current"));
        screenshot("settings");
        // no page broke the content security policy or threw
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    /**
     * Swagger UI at /api/v1/docs renders every operation under the strict policy, and a change sent the way its
     * "try it out" sends one (through the page's request interceptor) carries the web UI's CSRF token and passes.
     */
    @Test
    @Order(10)
    void theApiDocsListEveryOperationAndTheirCallsCarryTheCsrfToken() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//nav[@id='nav']//a[normalize-space()='API docs']"))).click();
        wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 50);
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/api/v1/docs");
        screenshot("api-docs");
        String call = "var done = arguments[arguments.length - 1];"
                + "var request = {url: '/api/v1/bans', method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({jail: 'sshd', ip: arguments[0]})};"
                + "if (arguments[1]) { request = window.ui.getConfigs().requestInterceptor(request); }"
                + "window.ui.fn.fetch(request).then(function (r) { done(r.status + ' ' + r.text); },"
                + " function (e) { done(e.status ? e.status + ' ' + (e.response && e.response.text) : String(e)); });";
        JavascriptExecutor browser = (JavascriptExecutor) driver;
        // "status body": Swagger UI's fetch rejects a non-2xx answer, with the status and the response
        assertThat(String.valueOf(browser.executeAsyncScript(call, DOCS_BAN, false))).as("without the interceptor")
                .startsWith("403 ").contains("csrf_token_invalid");
        assertThat(String.valueOf(browser.executeAsyncScript(call, DOCS_BAN, true))).as("through the interceptor")
                .startsWith("201 ");
        assertThat(fail2ban.client("get", "sshd", "banned", DOCS_BAN).strip()).isEqualTo("1");
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
        driver.get(base + "/settings");
    }

    @Test
    @Order(11)
    void logOutShowsTheLoginPage() {
        button("Log out").click();
        heading("Log in to BanGUI");
        assertThat(visible(By.cssSelector(".notice")).getText()).contains("logged out");
        driver.get(base + "/bans");
        heading("Log in to BanGUI");
        assertThat(driver.getCurrentUrl()).contains("/login?next=%2Fbans");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Clicks a link of the main navigation and waits for its page. */
    private void nav(String label) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//nav[@id='nav']//a[normalize-space()='" + label + "']"))).click();
        heading(label);
        waitForPage();
    }

    private void heading(String text) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    /** Until the page's first load is done ("Loading…" gone). */
    private void waitForPage() {
        wait.until(d -> d.findElements(By.xpath("//main//*[normalize-space()='Loading…']")).isEmpty());
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement button(String text) {
        return button(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** A clickable button, scrolled to the middle of the window (not under the sticky top bar). */
    private WebElement button(By by) {
        return centered(wait.until(ExpectedConditions.elementToBeClickable(by)));
    }

    private WebElement centered(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    /** {@code field} inside the element {@code container}. */
    private static By within(By container, By field) {
        return new By() {
            @Override
            public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
                return context.findElements(container).stream().flatMap(c -> c.findElements(field).stream()).toList();
            }

            @Override
            public String toString() {
                return field + " in " + container;
            }
        };
    }

    /** Replaces the input's value as typing would (select all, delete, type). */
    private void fill(By by, String value) {
        WebElement input = visible(by);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        wait.until(d -> value.equals(input.getDomProperty("value")));
    }

    /** Picks {@code value} in a select once it offers it, or types it into a text field. */
    private void choose(By by, String value) {
        WebElement field = visible(by);
        if (!field.getTagName().equals("select")) {
            fill(by, value);
            return;
        }
        wait.until(d -> !field.findElements(By.cssSelector("option[value=\"" + value + "\"]")).isEmpty());
        new Select(field).selectByValue(value);
        wait.until(d -> value.equals(field.getDomProperty("value")));
    }

    /** The text of the alerts (problem banner, field errors) in {@code container}, once there is one. */
    private String alertText(By container) {
        return wait.until(d -> {
            String text = String.join(" ", d.findElements(container).stream()
                    .flatMap(c -> c.findElements(By.cssSelector("[role=alert]")).stream())
                    .filter(WebElement::isDisplayed).map(WebElement::getText).toList()).strip();
            return text.isEmpty() ? null : text;
        });
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static int number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page (not only the window) as {@code target/ui-screenshots/<name>.png}. */
    private void screenshot(String name) {
        long width = ((Number) js("return document.documentElement.clientWidth")).longValue();
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1)));
        try {
            Path part = SHOTS.resolve(name + ".png.part");
            Files.write(part, Base64.getDecoder().decode((String) shot.get("data")));
            Files.move(part, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
