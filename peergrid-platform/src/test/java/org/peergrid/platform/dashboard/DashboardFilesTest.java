package org.peergrid.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.RawHttp;
import org.peergrid.platform.testsupport.TestPlatform;

/**
 * The dashboard's files over HTTP, without a browser: the page loads uPlot from the server's own
 * webjar (the version on the class path), every script and style it names answers 200 with its
 * content type and the security headers, and nothing is fetched from another site (works offline).
 */
class DashboardFilesTest {
  @TempDir static Path data;
  static TestPlatform p;

  @BeforeAll
  static void start() {
    p = new TestPlatform(Database.h2Url(data));
  }

  @AfterAll
  static void stop() {
    p.close();
  }

  @Test
  void thePageLoadsUplotFromTheWebjarOnTheClassPath() throws Exception {
    String version;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      assertThat(in).as("the uplot webjar is on the class path").isNotNull();
      Properties props = new Properties();
      props.load(in);
      version = props.getProperty("version");
    }
    assertThat(version).isEqualTo("1.6.30");
    String page = get("/dashboard/index.html").body();
    assertThat(page).contains("<script src=\"/webjars/uplot/" + version + "/dist/uPlot.iife.min.js\"></script>",
        "<link rel=\"stylesheet\" href=\"/webjars/uplot/" + version + "/dist/uPlot.min.css\">");
    assertThat(page.indexOf("uPlot.iife.min.js")).as("uPlot before the page's own script")
        .isLessThan(page.indexOf("app.js"));

    RawHttp.Response script = get("/webjars/uplot/" + version + "/dist/uPlot.iife.min.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).contains("javascript");
    assertThat(script.body()).startsWith("/*! https://github.com/leeoniya/uPlot (v" + version + ")")
        .contains("var uPlot=");
    RawHttp.Response style = get("/webjars/uplot/" + version + "/dist/uPlot.min.css");
    assertThat(style.status()).isEqualTo(200);
    assertThat(style.header("Content-Type")).contains("text/css");
    assertThat(style.body()).contains(".uplot");
    assertThat(get("/webjars/uplot/" + version + "/dist/none.js").status()).isEqualTo(404);
  }

  @Test
  void everyFileThePageNamesIsServedWithTheSecurityHeadersAndNoneFromAnotherSite() {
    String page = get("/dashboard/index.html").body();
    List<String> named = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
    while (m.find()) {
      named.add(m.group(1));
    }
    assertThat(named).hasSize(4).noneMatch(u -> u.contains("//"));
    for (String file : named) {
      String path = file.startsWith("/") ? file : "/dashboard/" + file;
      RawHttp.Response r = get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.header("Content-Type")).as(path).contains(path.endsWith(".js") ? "javascript" : "text/css");
      assertThat(r.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
      assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
    String app = get("/dashboard/app.js").body();
    assertThat(app.replace("\"http://www.w3.org/2000/svg\"", "")).as("only the SVG namespace names a site")
        .doesNotContain("http://", "https://").contains("new uPlot(", "/api/prices");
  }

  private static RawHttp.Response get(String path) {
    return RawHttp.get("127.0.0.1", p.server.port(), path, null);
  }
}
