package org.peergrid.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * The dashboard end to end in Debian's headless Chromium (issue 9, item 4): the operator sees the
 * 33-bus feeder with buses coloured by price, the participants and the curves; a prosumer sees its
 * own day and is refused another's. Screenshots go to target/dashboard/. Without chromium this
 * fails under CI=true and skips elsewhere.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "dashboard");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestPlatform platform;
  private static Prosumer b25;
  private static WebDriver browser;

  @BeforeAll
  static void clearedDayAndBrowser() throws Exception {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (.ci/run installs them)");
    }
    Assumptions.assumeTrue(available, "chromium and chromedriver are not installed");
    Files.createDirectories(SHOTS);
    platform = new TestPlatform(Database.h2Url(Files.createTempDirectory(SHOTS.toAbsolutePath(), "db")));
    assertThat(platform.http.post("/api/days", platform.dso, Community33.openDay("d1", TestPlatform.GATE)).status())
        .isEqualTo(201);
    Prosumer b06 = platform.register("d1", "B06", 6);
    Prosumer b18 = platform.register("d1", "B18", 18);
    b25 = platform.register("d1", "B25", 25);
    platform.submit(b06, platform.signed(b06, Community33.offerB06()));
    platform.submit(b18, platform.signed(b18, Community33.offerB18()));
    platform.submit(b25, platform.signed(b25, Community33.offerB25()));
    assertThat(platform.http.post("/api/days/d1/clear", platform.dso, "").status()).isEqualTo(200);

    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,1400",
        "--user-data-dir=" + Files.createTempDirectory(SHOTS.toAbsolutePath(), "profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theOperatorSeesTheFeederColouredByPrice() throws Exception {
    show(platform.dso, "d1", "");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> d.findElements(By.cssSelector("#feeder circle.bus")).size() == 33);
    JsonNode feeder = platform.http.get("/api/days/d1/feeder", platform.dso).body();
    assertThat(feeder.get("buses")).hasSize(33);
    JsonNode prices18 = feeder.get("buses").get(17).get("prices");
    assertThat(prices18.get(3).asDouble()).as("the evening costs more at bus 18").isGreaterThan(prices18.get(0).asDouble());
    String[] fill18 = new String[4];
    for (int t : new int[] {0, 3}) {
      new Select(browser.findElement(By.id("interval"))).selectByValue(String.valueOf(t));
      wait.until(d -> d.findElements(By.cssSelector("#feeder circle.bus")).size() == 33);
      Set<String> fills = browser.findElements(By.cssSelector("#feeder circle.bus")).stream()
          .map(b -> b.getAttribute("fill")).collect(Collectors.toSet());
      assertThat(fills).as("buses coloured by price, none grey").isNotEmpty().doesNotContain("#bbb");
      WebElement bus18 = browser.findElement(By.cssSelector("#feeder circle.bus[data-bus='18']"));
      assertThat(Double.parseDouble(bus18.getAttribute("data-price"))).isEqualTo(prices18.get(t).asDouble());
      fill18[t] = bus18.getAttribute("fill");
      screenshot("dso-interval-" + t + ".png");
    }
    assertThat(fill18[3]).as("a higher price, another colour").isNotEqualTo(fill18[0]);
    wait.until(d -> d.findElements(By.cssSelector("#participants tbody tr")).size() == 3);
    assertThat(browser.findElement(By.id("participants")).getText()).contains("B06", "B18", "B25");
    assertThat(browser.findElement(By.id("status")).getText()).contains("state cleared");
    assertThat(browser.findElements(By.cssSelector("#prices polyline"))).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("#batteries polyline"))).as("B25's battery").hasSizeGreaterThan(0);
    screenshot("dso.png");
  }

  @Test
  void aProsumerSeesItsOwnDayAndNobodyElses() throws Exception {
    show(b25.token(), "d1", "B25");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> d.findElement(By.id("prosumer")).isDisplayed());
    assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("B25");
    assertThat(browser.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(4);
    JsonNode own = platform.http.get("/api/days/d1/participants/B25/result", b25.token()).body();
    String cost = String.format("%.2f", own.get("settlement").get("cost").asDouble());
    assertThat(browser.findElement(By.id("bill")).getText()).startsWith("bill " + cost);
    assertThat(browser.findElement(By.id("dso")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("B06", "B18");
    screenshot("prosumer.png");

    show(b25.token(), "d1", "B06");
    wait.until(d -> !d.findElement(By.id("error")).getText().isEmpty());
    assertThat(browser.findElement(By.id("error")).getText()).startsWith("FORBIDDEN");
    assertThat(browser.findElement(By.id("prosumer")).isDisplayed()).isFalse();
    screenshot("prosumer-refused.png");
  }

  private static void show(String token, String day, String participant) {
    browser.get("http://127.0.0.1:" + platform.server.port() + "/");
    for (String[] field : new String[][] {{"token", token}, {"day", day}, {"participant", participant}}) {
      WebElement input = browser.findElement(By.id(field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    browser.findElement(By.id("show")).click();
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

}
