package org.peergrid.grid.matpower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.testsupport.TestFeeders;

class MatpowerCaseReaderTest {
  /** A three-bus case in per unit with no conversions; lines 9-11 hold the bus rows. */
  static final String TOY = String.join("\n",
      "function mpc = toy3",                                                     // 1
      "mpc.version = '2';",                                                      // 2
      "mpc.baseMVA = 1;",                                                        // 3
      "mpc.gen = [",                                                             // 4
      "\t1\t0\t0\t10\t-10\t1\t100\t1\t10\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0;",  // 5
      "];",                                                                      // 6
      "%% bus data",                                                             // 7
      "mpc.bus = [",                                                             // 8
      "\t1\t3\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1\t1;",                            // 9
      "\t2\t1\t0.2\t0.1\t0\t0\t1\t1\t0\t12.66\t1\t1.1\t0.9;",                    // 10
      "\t3\t1\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1.1\t0.9;",                        // 11
      "];",                                                                      // 12
      "mpc.branch = [",                                                          // 13
      "\t1\t2\t0.01\t0.02\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",                     // 14
      "\t2\t3\t0.02\t0.02\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",                     // 15
      "];",                                                                      // 16
      "");

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsAPerUnitCaseInEngineeringUnits() throws Exception {
    Feeder feeder = MatpowerCaseReader.read(write("toy3.m", TOY));

    assertThat(feeder.name()).isEqualTo("toy3");
    assertThat(feeder.baseMva()).isEqualTo(1.0);
    assertThat(feeder.buses()).hasSize(3);
    Bus bus2 = feeder.bus(2).orElseThrow();
    assertThat(bus2.loadKw()).isCloseTo(200, within(1e-9));
    assertThat(bus2.loadKvar()).isCloseTo(100, within(1e-9));
    Branch b = feeder.branches().get(1);
    assertThat(b.label()).isEqualTo("branch 2 (2-3)");
    assertThat(b.resistancePu()).isEqualTo(0.02);
    assertThat(b.tapRatio()).isEqualTo(1.0);
    assertThat(b.ratingKva()).isEmpty();
  }

  @Test
  void appliesOhmAndKilowattConversions() {
    Feeder feeder = TestFeeders.load("case33bw");

    // Branch 1-2: 0.0922 ohm on Vbase 12.66 kV, Sbase 10 MVA.
    double zbase = 12.66e3 * 12.66e3 / 10e6;
    assertThat(feeder.branches().get(0).resistancePu()).isCloseTo(0.0922 / zbase, within(1e-15));
    assertThat(feeder.branches().get(0).reactancePu()).isCloseTo(0.0470 / zbase, within(1e-15));
    // Bus 2 load 100 kW + 60 kvar, written in kW and divided by 1e3 to MW; the model is in kW again.
    assertThat(feeder.bus(2).orElseThrow().loadKw()).isCloseTo(100, within(1e-9));
    assertThat(feeder.bus(2).orElseThrow().loadKvar()).isCloseTo(60, within(1e-9));
    // Out-of-service tie switches are read, and marked.
    assertThat(feeder.branches().stream().filter(br -> !br.inService()).count()).isEqualTo(5);
  }

  @Test
  void appliesThePowerFactorConversionInOrder() throws Exception {
    Feeder feeder = TestFeeders.load("case141");

    // case141 writes Pd in kVA at pf 0.85: Qd = S sin(acos 0.85), then Pd = S 0.85.
    // Bus 3 carries 84.24 kVA in the file (checked in the file itself below).
    String text = Files.readString(TestFeeders.bundled("case141"));
    String row = text.lines().filter(l -> l.trim().startsWith("3\t1\t")).findFirst().orElseThrow();
    double kva = Double.parseDouble(row.trim().split("\\s+")[2]);
    Bus bus3 = feeder.bus(3).orElseThrow();
    assertThat(bus3.loadKw()).isCloseTo(kva * 0.85, within(1e-9));
    assertThat(bus3.loadKvar()).isCloseTo(kva * Math.sin(Math.acos(0.85)), within(1e-9));
  }

  @Test
  void evaluatesExpressionsInMatrices() {
    Feeder feeder = TestFeeders.load("case533mt_hi");

    assertThat(feeder.baseMva()).isCloseTo(50.0 / 3, within(1e-12));
    assertThat(feeder.bus(1).orElseThrow().baseKv()).isCloseTo(135 / Math.sqrt(3), within(1e-12));
    assertThat(feeder.bus(2).orElseThrow().baseKv()).isCloseTo(12 / Math.sqrt(3), within(1e-12));
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("nothere.m");
    assertThatThrownBy(() -> MatpowerCaseReader.read(missing))
        .isInstanceOf(ValidationException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void malformedMatrixEntryNamesLineAndColumn() throws Exception {
    Path file = write("bad.m", TOY.replace("\t2\t1\t0.2\t0.1", "\t2\t1\t0.2x\t0.1"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ":10: mpc.bus column 3: cannot read '0.2x' as a number");
  }

  @Test
  void tooFewColumns() throws Exception {
    String text = TOY.replace("\t1\t3\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1\t1;", "\t1\t3\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1;")
        .replace("\t2\t1\t0.2\t0.1\t0\t0\t1\t1\t0\t12.66\t1\t1.1\t0.9;", "\t2\t1\t0.2\t0.1\t0\t0\t1\t1\t0\t12.66\t1\t1.1;")
        .replace("\t3\t1\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1.1\t0.9;", "\t3\t1\t0\t0\t0\t0\t1\t1\t0\t12.66\t1\t1.1;");
    Path file = write("narrow.m", text);
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ":9: mpc.bus row has 12 columns; MATPOWER bus rows need at least 13");
  }

  @Test
  void rowsOfDifferentWidth() throws Exception {
    Path file = write("ragged.m", TOY.replace("\t2\t3\t0.02\t0.02\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
        "\t2\t3\t0.02\t0.02\t0\t0\t0\t0\t0\t0\t1\t-360;"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":15: mpc.branch row has 12 columns where the first row (line 14) has 13");
  }

  @Test
  void unknownStatementNamesItsLine() throws Exception {
    Path file = write("extra.m", TOY + "mpc.bus(:, VMAX) = 1.05;\n");
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":17: unknown statement 'mpc.bus(:, VMAX) = 1.05;'");
  }

  @Test
  void aConversionWithOtherNumbersIsAnUnknownStatement() throws Exception {
    String text = TOY + "[PQ, PV, REF, NONE, BUS_I, BUS_TYPE, PD, QD, GS, BS, BUS_AREA, VM, ...\n"
        + "    VA, BASE_KV, ZONE, VMAX, VMIN, LAM_P, LAM_Q, MU_VMAX, MU_VMIN] = idx_bus;\n"
        + "mpc.bus(:, [PD, QD]) = mpc.bus(:, [PD, QD]) / 1e6;\n";
    Path file = write("scaled.m", text);
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":19: unknown statement");
  }

  @Test
  void unknownFieldIsRefused() throws Exception {
    Path file = write("areas.m", TOY + "mpc.areas = [\n 1 1;\n];\n");
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":17: unknown statement 'mpc.areas = [...'");
  }

  @Test
  void conversionBeforeItsColumnNamesIsRefused() throws Exception {
    Path file = write("noidx.m", TOY + "mpc.bus(:, [PD, QD]) = mpc.bus(:, [PD, QD]) / 1e3;\n");
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(":17: the statement uses column names that no '[...] = idx_bus;' line defines");
  }

  @Test
  void otherVersionsAreRefused() throws Exception {
    Path file = write("v1.m", TOY.replace("mpc.version = '2';", "mpc.version = '1';"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ":2: mpc.version is '1'; peergrid reads version 2 cases only");
  }

  @Test
  void unclosedMatrixAtTheEnd() throws Exception {
    Path file = write("open.m", TOY.substring(0, TOY.lastIndexOf("];")));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ":13: mpc.branch is never closed with ']'");
  }

  @Test
  void unclosedMatrixBeforeTheNextStatement() throws Exception {
    Path file = write("open2.m", TOY.replace("];\n%% bus data", "%% bus data"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ":7: mpc.gen (opened on line 4) is not closed with ']' before this statement");
  }

  @Test
  void missingMatrices() throws Exception {
    Path file = write("nobranch.m", TOY.substring(0, TOY.indexOf("mpc.branch")));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": no mpc.branch matrix");
  }

  @Test
  void branchToAMissingBusNamesTheBranch() throws Exception {
    Path file = write("dangling.m", TOY.replace("\t2\t3\t0.02", "\t2\t7\t0.02"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessage(file + ": branch 2 (2-7): bus 7 does not exist");
  }

  @Test
  void badBusTypeNamesTheLine() throws Exception {
    Path file = write("type.m", TOY.replace("\t3\t1\t0\t0\t0\t0\t1", "\t3\t7\t0\t0\t0\t0\t1"));
    assertThatThrownBy(() -> MatpowerCaseReader.read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":11: bus 3: type 7 is not a MATPOWER bus type");
  }

  @Test
  void expressionsEvaluate() {
    assertThat(MatlabExpression.evaluate("50/3")).isCloseTo(50.0 / 3, within(1e-15));
    assertThat(MatlabExpression.evaluate("12/sqrt(3)")).isCloseTo(12 / Math.sqrt(3), within(1e-15));
    assertThat(MatlabExpression.evaluate("-2^2")).isEqualTo(-4.0);
    assertThat(MatlabExpression.evaluate("(1+2)*3")).isEqualTo(9.0);
    assertThat(MatlabExpression.evaluate("1.33E-05")).isEqualTo(1.33e-5);
    assertThatThrownBy(() -> MatlabExpression.evaluate("foo(2)")).hasMessageContaining("unknown function 'foo'");
    assertThatThrownBy(() -> MatlabExpression.evaluate("2 3")).hasMessageContaining("cannot read");
  }

  @Test
  void bundledFeedersAreTheSharedOnes() throws Exception {
    Path shared = TestFeeders.sharedDir().resolve("data/matpower");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "shared/ is not beside the checkout");
    try (var files = TestFeeders.allBundled()) {
      for (Path bundled : (Iterable<Path>) files::iterator) {
        assertThat(Files.readString(bundled)).as(bundled.getFileName().toString())
            .isEqualTo(Files.readString(shared.resolve(bundled.getFileName())));
      }
    }
  }
}
