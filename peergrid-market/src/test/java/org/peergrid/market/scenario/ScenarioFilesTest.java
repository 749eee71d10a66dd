package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.testing.WorkedExamples;

/**
 * A scenario that arrived in a request reads no file of the machine, or only regular files that the
 * operator placed in one folder, and its errors never quote a file's contents (issue 16, item 1).
 */
class ScenarioFilesTest {
  private static final String SECRET = "root:$6$secret-hash:19000:0:99999:7:::";

  @TempDir Path dir;
  private Path series;
  private Path outside;

  private static final String SCENARIO = """
      network: {matpower: toy3.m}
      horizon: {intervals: 3}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: {csv: REF, column: COLUMN}}
      """;

  @BeforeEach
  void folders() throws IOException {
    WorkedExamples.write(dir, "unused.yaml", "");
    series = Files.createDirectory(dir.resolve("series"));
    Files.writeString(series.resolve("profiles.csv"), "t,B2\n0,1\n1,2\n2,3\n");
    outside = Files.createDirectory(dir.resolve("outside"));
    Files.writeString(outside.resolve("shadow"), SECRET + "\nsecond line\n");
  }

  private Scenario load(ScenarioFiles files, String reference, String column) {
    String text = SCENARIO.replace("REF", "\"" + reference + "\"").replace("COLUMN", "\"" + column + "\"");
    return ScenarioLoader.parse(text, false, dir, files, "request", "day");
  }

  private ScenarioFiles confined() {
    return ScenarioFiles.confinedTo(series, ScenarioFiles.DEFAULT_MAX_BYTES);
  }

  @Test
  void aFileInTheOperatorsFolderIsRead() {
    Scenario s = load(confined(), "profiles.csv", "B2");
    assertThat(s.participants().get(0)).isInstanceOfSatisfying(Building.class,
        b -> assertThat(b.loadKw().values()).containsExactly(1, 2, 3));
  }

  @Test
  void absolutePathsAndClimbingOutAreRefusedWithoutReadingTheFile() {
    assertThatThrownBy(() -> load(confined(), outside.resolve("shadow").toString(), SECRET))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is an absolute path")
        .hasMessageNotContaining("second line");
    assertThatThrownBy(() -> load(confined(), "../outside/shadow", SECRET))
        .hasMessageContaining("climbs out with '..'").hasMessageNotContaining("second line");
    assertThatThrownBy(() -> load(confined(), "sub/../../outside/shadow", SECRET))
        .hasMessageContaining("climbs out with '..'");
    assertThatThrownBy(() -> load(confined(), "/etc/passwd", "root"))
        .hasMessageContaining("is an absolute path");
  }

  @Test
  void aSymbolicLinkLeavingTheFolderIsRefused() throws IOException {
    Files.createSymbolicLink(series.resolve("link.csv"), outside.resolve("shadow"));
    Files.createSymbolicLink(series.resolve("zero.csv"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> load(confined(), "link.csv", SECRET))
        .hasMessageContaining("\"link.csv\" is a link that leaves the operator's series folder")
        .hasMessageNotContaining("second line");
    assertThatThrownBy(() -> load(confined(), "zero.csv", "x"))
        .hasMessageContaining("\"zero.csv\" is a link that leaves the operator's series folder");
  }

  @Test
  void aLinkWithinTheFolderIsFollowed() throws IOException {
    Files.createSymbolicLink(series.resolve("alias.csv"), series.resolve("profiles.csv"));
    assertThat(load(confined(), "alias.csv", "B2").participants()).hasSize(1);
  }

  @Test
  void onlyRegularFilesNoLargerThanTheCapAreRead() throws IOException {
    Files.createDirectory(series.resolve("folder.csv"));
    assertThatThrownBy(() -> load(confined(), "folder.csv", "B2")).hasMessageContaining("is not a regular file");
    Files.writeString(series.resolve("big.csv"), "t,B2\n" + "0,1\n".repeat(1000));
    assertThatThrownBy(() -> load(ScenarioFiles.confinedTo(series, 100), "big.csv", "B2"))
        .hasMessageContaining("\"big.csv\" has more than 100 bytes");
  }

  @Test
  void errorsAboutAFileInTheFolderQuoteNeitherItsHeaderNorItsCells() throws IOException {
    Files.writeString(series.resolve("secret.csv"), SECRET + "\nsecond line\n");
    // the header line named as the column: the old message quoted the next line as "not a number"
    assertThatThrownBy(() -> load(confined(), "secret.csv", SECRET))
        .hasMessageContaining("secret.csv:2: column " + SECRET + ": the cell is not a number").hasMessageNotContaining("second line");
    assertThatThrownBy(() -> load(confined(), "secret.csv", "guess"))
        .hasMessageContaining("column \"guess\" is not in secret.csv").hasMessageNotContaining("$6$")
        .hasMessageNotContaining(series.toString());
  }

  @Test
  void withoutAFolderNoFileIsNamed() {
    ScenarioFiles none = ScenarioFiles.none("no files here; give series inline");
    assertThatThrownBy(() -> load(none, "profiles.csv", "B2"))
        .hasMessageContaining("CSV file \"profiles.csv\" cannot be read: no files here; give series inline");
    String actuals = SCENARIO.replace("{csv: REF, column: COLUMN}", "1") + "run: {realtime: {actuals: /etc/passwd}}\n";
    assertThatThrownBy(() -> ScenarioLoader.parse(actuals, false, dir, none, "request", "day"))
        .hasMessageContaining("actuals file \"/etc/passwd\" cannot be read");
  }

  @Test
  void theCommandLineStillReadsFilesBesideTheScenarioAndQuotesItsOwnFile() throws IOException {
    Files.writeString(dir.resolve("own.csv"), "t,B2\n0,1\n1,x\n2,3\n");
    assertThatThrownBy(() -> load(ScenarioFiles.besideScenario(dir), "own.csv", "B2"))
        .hasMessageContaining("column B2: \"x\" is not a number");
    assertThat(load(ScenarioFiles.besideScenario(dir), "series/profiles.csv", "B2").participants()).hasSize(1);
  }

  @Test
  void theHorizonHasAnUpperBound() {
    String text = SCENARIO.replace("{csv: REF, column: COLUMN}", "1").replace("intervals: 3", "intervals: 100000000");
    assertThatThrownBy(() -> ScenarioLoader.parse(text, false, dir, confined(), "request", "day"))
        .hasMessageContaining("horizon: intervals must be at most 1440");
    assertThat(new Horizon(Horizon.MAX_INTERVALS, 1).intervals()).isEqualTo(1440);
  }
}
