package org.peergrid.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * The dashboard end to end in Debian's headless Chromium (issue 9, item 4): the operator sees the
 * 33-bus feeder with buses coloured by price, the participants and the curves; a prosumer sees its
 * own day and is refused another's. After B06 and B18 send meter readings, the operator settles the
 * day in real time from the page and sees every prosumer's real-time result and the netting surplus;
 * a prosumer sees its own real-time result only; anyone, without a credential, sees the ledger's head
 * and the market days with their aggregate prices. The charts are uPlot's: their axes carry labels
 * with units and tick labels, and the mouse over a point shows its values in the legend.
 * The tests run in order, since the settlement happens once. Screenshots go to target/dashboard/.
 * Without chromium this fails under CI=true and skips elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "dashboard");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestPlatform platform;
  private static Prosumer b06;
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
    b06 = platform.register("d1", "B06", 6);
    Prosumer b18 = platform.register("d1", "B18", 18);
    b25 = platform.register("d1", "B25", 25);
    platform.submit(b06, platform.signed(b06, Community33.offerB06()));
    platform.submit(b18, platform.signed(b18, Community33.offerB18()));
    platform.submit(b25, platform.signed(b25, Community33.offerB25()));
    assertThat(platform.http.post("/api/days/d1/clear", platform.dso, "").status()).isEqualTo(200);
    // the evening (interval 3, 6 h): B06 takes 20 kW more than it offered, B18 20 kW less
    assertThat(platform.submitReadings(b06, "{\"load_kw\": [20, 35, 40, 80], \"pv_kw\": [0, 60, 80, 0]}").status())
        .isEqualTo(201);
    assertThat(platform.submitReadings(b18, "{\"load_kw\": [15, 20, 25, 20]}").status()).isEqualTo(201);

    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,1400",
        "--user-data-dir=" + Files.createTempDirectory(SHOTS.toAbsolutePath(), "profile"));
    // the console, for Content-Security-Policy violations
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
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
  @Order(1)
  void theOperatorSeesTheFeederColouredByPrice() throws Exception {
    WebDriverWait wait = show(platform.dso, "d1", "");
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
    // drawn where the shared layout puts each bus (the report's layout too), no two buses overlapping
    List<WebElement> circles = browser.findElements(By.cssSelector("#feeder circle.bus"));
    for (int k = 0; k < 33; k++) {
      JsonNode bus = feeder.get("buses").get(k);
      WebElement drawn = browser.findElement(By.cssSelector("#feeder circle.bus[data-bus='" + bus.get("bus") + "']"));
      assertThat(drawn.getAttribute("data-column")).isEqualTo(bus.get("column").asText());
      assertThat(drawn.getAttribute("data-row")).isEqualTo(bus.get("row").asText());
    }
    for (WebElement a : circles) {
      for (WebElement b : circles) {
        double dx = Double.parseDouble(a.getAttribute("cx")) - Double.parseDouble(b.getAttribute("cx"));
        double dy = Double.parseDouble(a.getAttribute("cy")) - Double.parseDouble(b.getAttribute("cy"));
        if (a != b) {
          assertThat(Math.hypot(dx, dy)).as("buses %s and %s apart", a.getAttribute("data-bus"),
              b.getAttribute("data-bus")).isGreaterThan(2 * 7);
        }
      }
    }
    wait.until(d -> d.findElements(By.cssSelector("#participants tbody tr")).size() == 3);
    assertThat(browser.findElement(By.id("participants")).getText()).contains("B06", "B18", "B25");
    assertThat(browser.findElement(By.id("status")).getText()).contains("state cleared");
    JsonNode prices = platform.http.get("/api/days/d1/prices", null).body();
    wait.until(d -> !d.findElements(By.cssSelector("#batteries .u-over")).isEmpty());
    assertChartAxes("prices", "interval start (h)", "price (INR/kWh)");
    assertThat(seriesLabels("prices")).containsExactly("min", "mean", "max", "import tariff", "export tariff");
    // the evening: the cursor over interval 3 (18 h) shows that interval's prices in the legend
    List<String> evening = hover("prices", 3);
    assertThat(evening.get(0)).isEqualTo("18.00");
    JsonNode row3 = prices.get("intervals").get(3);
    assertThat(evening.subList(1, 6)).containsExactly(four(row3.get("price_min")), four(row3.get("price_mean")),
        four(row3.get("price_max")), four(row3.get("import_tariff")), four(row3.get("export_tariff")));
    assertChartAxes("batteries", "end of interval (h)", "state of charge (kWh)");
    List<String> batteries = seriesLabels("batteries");
    assertThat(batteries).as("B25's battery and the community battery CB6").containsExactlyInAnyOrder("B25", "CB6");
    JsonNode view = platform.http.get("/api/days/d1/clearing", platform.dso).body();
    JsonNode b25soc = null;
    for (JsonNode p : view.get("participants")) {
      b25soc = p.get("id").asText().equals("B25") ? p.get("soc_kwh") : b25soc;
    }
    List<String> noon = hover("batteries", 1);
    assertThat(noon.get(0)).as("the end of the morning").isEqualTo("12.00");
    assertThat(noon.get(1 + batteries.indexOf("B25"))).isEqualTo(money(b25soc.get(1)));
    assertThat(browser.findElement(By.id("rt-status")).getText()).startsWith("not settled in real time yet");
    assertThat(browser.findElement(By.id("settle")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("realtime")).isDisplayed()).isFalse();
    screenshot("dso.png");
  }

  @Test
  @Order(2)
  void theOperatorSettlesInRealTimeAndSeesEveryProsumersDeviationAndTheNettingSurplus() throws Exception {
    WebDriverWait wait = show(platform.dso, "d1", "");
    wait.until(d -> d.findElement(By.id("settle")).isDisplayed());
    browser.findElement(By.id("settle")).click();
    wait.until(d -> d.findElements(By.cssSelector("#realtime tbody tr")).size() == 3);
    JsonNode view = platform.http.get("/api/days/d1/realtime", platform.dso).body();
    assertThat(browser.findElement(By.id("settle")).isDisplayed()).as("settled once").isFalse();
    assertThat(browser.findElement(By.id("rt-status")).getText()).startsWith("settled in real time");
    List<List<String>> rows = cells("#realtime tbody tr");
    for (int k = 0; k < 3; k++) {
      JsonNode p = view.get("participants").get(k);
      assertThat(rows.get(k)).as(p.get("participant").asText()).containsExactly(p.get("participant").asText(),
          p.get("bus").asText(), k == 2 ? "as forecast" : "metered", money(p.get("day_ahead_cost")),
          money(p.get("realtime_cost")), money(p.get("realtime_cost").asDouble() - p.get("day_ahead_cost").asDouble()),
          money(p.get("shortfall_kwh")), money(p.get("surplus_kwh")),
          money(p.get("deviation_payment")));
    }
    assertThat(rows.get(0).get(6)).as("B06's shortfall, kWh").isEqualTo("120.00");
    assertThat(rows.get(1).get(7)).as("B18's surplus, kWh").isEqualTo("120.00");
    assertThat(rows.get(2).get(5)).as("B25 as forecast: no change, and no minus sign on zero").isEqualTo("0.00");
    List<String> total = cells("#realtime tfoot tr").get(0);
    assertThat(total.get(0)).isEqualTo("total");
    assertThat(total.get(4)).isEqualTo(money(view.get("totals").get("realtime_cost")));
    assertThat(Double.parseDouble(total.get(4))).as("the total of the rows shown").isCloseTo(
        rows.stream().mapToDouble(r -> Double.parseDouble(r.get(4))).sum(), within(0.015));
    JsonNode budget = view.get("budget");
    assertThat(budget.get("netting_surplus").asDouble()).as("B06's shortfall and B18's surplus net out").isPositive();
    assertThat(browser.findElement(By.id("netting")).getText()).isEqualTo(money(budget.get("netting_surplus")));
    assertThat(browser.findElement(By.id("utility-bill")).getText()).isEqualTo(money(budget.get("realtime_utility_bill")));
    assertThat(browser.findElement(By.id("deviation-payments")).getText())
        .isEqualTo(money(budget.get("deviation_payments")));
    assertThat(browser.findElement(By.id("rt-budget")).getText()).contains("netting surplus", "INR");
    screenshot("dso-realtime.png");
  }

  @Test
  @Order(3)
  void aProsumerSeesItsOwnRealtimeResultAndNothingOfOthers() throws Exception {
    WebDriverWait wait = show(b06.token(), "d1", "B06");
    wait.until(d -> d.findElements(By.cssSelector("#own-realtime tbody tr")).size() == 4);
    JsonNode own = platform.http.get("/api/days/d1/participants/B06/realtime", b06.token()).body();
    assertThat(browser.findElement(By.id("own-rt")).getText()).startsWith("real-time cost "
        + money(own.get("realtime_cost")) + " INR = day-ahead " + money(own.get("day_ahead_cost")) + " + deviations "
        + money(own.get("deviation_payment"))).contains("metered (reading "
        + own.get("reading_receipt").asText().substring(0, 12));
    List<List<String>> rows = cells("#own-realtime tbody tr");
    assertThat(rows.get(3).subList(0, 4)).as("interval 3: 20 kW more for 6 h").containsExactly("3",
        money(own.get("intervals").get(3).get("day_ahead_kwh")), money(own.get("intervals").get(3).get("realtime_kwh")),
        "120.00");
    assertThat(rows.get(0).get(3)).isEqualTo("0.00");
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).doesNotContain("B18", "B25", "netting", "surplus kWh");
    assertThat(browser.findElement(By.id("dso")).isDisplayed()).isFalse();
    screenshot("prosumer-realtime.png");
  }

  @Test
  @Order(4)
  void aProsumerSeesItsOwnDayAndNobodyElses() throws Exception {
    WebDriverWait wait = show(b25.token(), "d1", "B25");
    wait.until(d -> d.findElement(By.id("prosumer")).isDisplayed());
    assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("B25");
    assertThat(browser.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(4);
    JsonNode own = platform.http.get("/api/days/d1/participants/B25/result", b25.token()).body();
    String cost = String.format("%.2f", own.get("settlement").get("cost").asDouble());
    assertThat(browser.findElement(By.id("bill")).getText()).startsWith("bill " + cost);
    assertThat(browser.findElement(By.id("own-rt")).getText()).as("B25 sent no reading")
        .endsWith("no reading sent: settled as forecast");
    assertThat(browser.findElement(By.id("dso")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("B06", "B18");
    screenshot("prosumer.png");

    show(b25.token(), "d1", "B06");
    wait.until(d -> !d.findElement(By.id("error")).getText().isEmpty());
    assertThat(browser.findElement(By.id("error")).getText()).startsWith("FORBIDDEN");
    assertThat(browser.findElement(By.id("prosumer")).isDisplayed()).isFalse();
    screenshot("prosumer-refused.png");
  }

  @Test
  @Order(5)
  void anyoneSeesTheLedgerHeadToNoteItDown() throws Exception {
    browser.get("http://127.0.0.1:" + platform.server.port() + "/");
    JsonNode head = platform.http.get("/api/ledger/head", null).body();
    assertThat(head.get("seq").asLong()).as("3 offers, clearing, 3 settlements, 2 readings, 3 real-time")
        .isEqualTo(12);
    new WebDriverWait(browser, WAIT).until(d -> !d.findElement(By.id("head-anchor")).getText().isEmpty());
    assertThat(browser.findElement(By.id("head-seq")).getText()).isEqualTo("12");
    assertThat(browser.findElement(By.id("head-hash")).getText()).isEqualTo(head.get("entry_hash").asText());
    assertThat(browser.findElement(By.id("head-time")).getText()).isEqualTo(head.get("recorded_at").asText());
    assertThat(browser.findElement(By.id("head-anchor")).getText()).isEqualTo(head.get("anchor").asText());
    assertThat(browser.findElement(By.id("dso")).isDisplayed()).as("no credential given").isFalse();
    screenshot("ledger-head.png");
  }

  @Test
  @Order(6)
  void anyoneSeesTheMarketDaysWithTheirAggregatePricesAndChartsADay() throws Exception {
    browser.get("http://127.0.0.1:" + platform.server.port() + "/");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> d.findElements(By.cssSelector("#days tbody tr")).size() == 1);
    JsonNode d1 = platform.http.get("/api/prices", null).body().get(0);
    List<String> row = cells("#days tbody tr").get(0);
    assertThat(row.subList(0, 2)).containsExactly("d1", "cleared");
    assertThat(row.subList(4, 10)).containsExactly("3", four(d1.get("price_min")), four(d1.get("price_mean")),
        four(d1.get("price_max")), "INR", money(d1.get("energy_traded_kwh")));
    assertThat(browser.findElement(By.id("dso")).isDisplayed()).as("no credential given").isFalse();
    browser.findElement(By.cssSelector("#days button.day-prices")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#public-prices .u-over")).isEmpty());
    assertThat(browser.findElement(By.id("public-day-id")).getText()).isEqualTo("d1");
    assertChartAxes("public-prices", "interval start (h)", "price (INR/kWh)");
    JsonNode morning = platform.http.get("/api/days/d1/prices", null).body().get("intervals").get(1);
    assertThat(hover("public-prices", 1).subList(0, 4)).containsExactly("6.00", four(morning.get("price_min")),
        four(morning.get("price_mean")), four(morning.get("price_max")));
    assertThat(browser.findElement(By.id("market")).getText()).as("nothing of a participant")
        .doesNotContain("B06", "B18", "B25");
    screenshot("landing.png");
  }

  /** Opens the dashboard and shows the day with the credential; returns a wait for what the page then shows. */
  @Test
  @Order(7)
  void theDashboardWorksUnderItsContentSecurityPolicyWhichTheBrowserEnforces() {
    browser.manage().logs().get(LogType.BROWSER); // what earlier tests logged
    show(platform.dso, "d1", "").until(d -> d.findElements(By.cssSelector("#feeder circle.bus")).size() == 33);
    List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).toList();
    assertThat(console).as("the dashboard's own scripts, styles and calls are all allowed")
        .noneMatch(m -> m.contains("Content Security Policy"));
    // an injected inline script (what a cross-site scripting hole would run) is refused
    Object ran = ((JavascriptExecutor) browser).executeScript("const s = document.createElement('script');"
        + " s.textContent = 'window.injected = true;'; document.head.appendChild(s); return window.injected === true;");
    assertThat(ran).as("inline script under the policy").isEqualTo(false);
  }

  private static WebDriverWait show(String token, String day, String participant) {
    browser.get("http://127.0.0.1:" + platform.server.port() + "/");
    for (String[] field : new String[][] {{"token", token}, {"day", day}, {"participant", participant}}) {
      WebElement input = browser.findElement(By.id(field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    browser.findElement(By.id("show")).click();
    return new WebDriverWait(browser, WAIT);
  }

  /** As the page writes amounts: two decimals, no minus sign on a value that rounds to zero. */
  private static String money(double value) {
    String text = String.format("%.2f", value);
    return text.equals("-0.00") ? "0.00" : text;
  }

  private static String money(JsonNode value) {
    return money(value.asDouble());
  }

  /** As the page writes prices: four decimals. */
  private static String four(JsonNode value) {
    return String.format("%.4f", value.asDouble());
  }

  /** The uPlot chart in a container: its axes carry the labels and have tick labels. */
  private static void assertChartAxes(String chart, String xLabel, String yLabel) {
    Object axes = ((JavascriptExecutor) browser).executeScript("const u = window.dashboardCharts[arguments[0]];"
        + " return u.axes.map((a) => [a.label, (a._values || []).length]);", chart);
    @SuppressWarnings("unchecked")
    List<List<Object>> both = (List<List<Object>>) axes;
    assertThat(both).hasSize(2);
    assertThat(both.get(0).get(0)).isEqualTo(xLabel);
    assertThat(both.get(1).get(0)).isEqualTo(yLabel);
    assertThat(((Number) both.get(0).get(1)).intValue()).as(chart + ": ticks on the x axis").isGreaterThan(1);
    assertThat(((Number) both.get(1).get(1)).intValue()).as(chart + ": ticks on the y axis").isGreaterThan(1);
  }

  /** The series' names in a chart's legend, the x series left out. */
  private static List<String> seriesLabels(String chart) {
    List<WebElement> labels = browser.findElements(By.cssSelector("#" + chart + " .u-legend .u-series .u-label"));
    return labels.stream().skip(1).map(WebElement::getText).toList();
  }

  /**
   * Moves the mouse over a chart at the point of index i and returns what the legend then shows: the
   * x value first, then each series' value.
   */
  private static List<String> hover(String chart, int i) {
    WebElement over = browser.findElement(By.cssSelector("#" + chart + " .u-over"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", over);
    Number left = (Number) ((JavascriptExecutor) browser).executeScript("const u = window.dashboardCharts[arguments[0]];"
        + " return u.valToPos(u.data[0][arguments[1]], 'x');", chart, i);
    // a point on the plot's edge is pointed at from a pixel inside (the cursor snaps to the nearest point)
    int width = over.getSize().getWidth();
    double x = Math.max(1, Math.min(width - 2, left.doubleValue()));
    new Actions(browser).moveToElement(over, (int) Math.round(x - width / 2.0), 0).perform();
    new WebDriverWait(browser, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return window.dashboardCharts[arguments[0]].cursor.idx === arguments[1];", chart, i)));
    return browser.findElements(By.cssSelector("#" + chart + " .u-legend .u-series .u-value")).stream()
        .map(WebElement::getText).toList();
  }

  /** The text of every cell of the rows a CSS selector finds. */
  private static List<List<String>> cells(String rows) {
    return browser.findElements(By.cssSelector(rows)).stream()
        .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

}
