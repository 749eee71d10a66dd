package org.peergrid.market.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled three-phase example, examples/ieee13-3ph, and variants of it with other limits for tests
 * (here and in peergrid-cli's, through this module's test jar).
 */
public final class ThreePhaseExample {
  /** examples/ieee13-3ph/scenario.yaml, from the repository root the build passes as {@code peergrid.root.dir}. */
  public static final Path SCENARIO = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples",
      "ieee13-3ph", "scenario.yaml");

  private ThreePhaseExample() {}

  /**
   * The example with its V^min replaced, written into {@code dir} with its relative paths (feeder, profiles)
   * made absolute so that it reads from there.
   */
  public static Path withVmin(Path dir, String vmin) throws IOException {
    return variant(dir, "vmin_pu: 0.96", "vmin_pu: " + vmin, "vmin-" + vmin + ".yaml");
  }

  /**
   * The example with its unbalance limit (PVUR, shipped 0.05) replaced, written into {@code dir} as
   * {@link #withVmin} writes it; e.g. 0.045, the limit it had before no schedule was found to meet it.
   */
  public static Path withUnbalance(Path dir, String unbalance) throws IOException {
    return variant(dir, "unbalance_pu: 0.05", "unbalance_pu: " + unbalance, "unbalance-" + unbalance + ".yaml");
  }

  /**
   * The example with a thermal limit on one line ({@code network.line_limit_a: {LINE: AMPS}}), written into
   * {@code dir} as {@link #withVmin} writes it.
   */
  public static Path withLineLimit(Path dir, String line, String amps) throws IOException {
    return variant(dir, "  vmin_pu: 0.96", "  line_limit_a: {\"" + line + "\": " + amps + "}\n  vmin_pu: 0.96",
        "line-" + line + "-" + amps + ".yaml");
  }

  /**
   * The example with two home EV chargers added on single phases and V^min raised to 0.97, written into
   * {@code dir} as {@link #withVmin} writes it (the shipped example stays without EVs, so its figures
   * stay). At the shipped 0.96 the day LP's voltage rows stay slack and every DLMP is the tariff; at 0.97
   * they bind in the evening, and the phases' DLMPs part: the cars' hours are then chosen by the feeder,
   * not only by the tariff. EV675b on phase b of 675, overnight (18:00 to 07:00, 12 → 40 kWh at 7.4 kW,
   * no V2G); EV611c on 611's only phase c through the evening peak (17:00 to 22:00, one import price of
   * 0.28 throughout; 20 → 32 kWh at 3.7 kW, V2G up to 3.7 kW).
   */
  public static Path withEvs(Path dir) throws IOException {
    return withEvs(dir, "0.97");
  }

  /** The same EVs at another V^min: at the shipped "0.96" the AC correction passes (it does not at 0.97). */
  public static Path withEvs(Path dir, String vmin) throws IOException {
    Path file = variant(dir, "bargaining:", String.join("\n",
        "  - {id: EV675b, type: ev, bus: \"675\", phases: [b], arrival: 18, departure: 7, arrival_energy_kwh: 12,",
        "     departure_energy_kwh: 40, capacity_kwh: 60, charge_kw: 7.4}",
        "  - {id: EV611c, type: ev, bus: \"611\", phases: [c], arrival: 17, departure: 22, arrival_energy_kwh: 20,",
        "     departure_energy_kwh: 32, capacity_kwh: 50, charge_kw: 3.7, v2g_kw: 3.7}",
        "bargaining:"), "evs-" + vmin + ".yaml");
    Files.writeString(file, Files.readString(file).replace("vmin_pu: 0.96\n", "vmin_pu: " + vmin + "\n"));
    return file;
  }

  private static Path variant(Path dir, String shipped, String replacement, String fileName) throws IOException {
    Path folder = SCENARIO.getParent().toAbsolutePath().normalize();
    String text = Files.readString(SCENARIO)
        .replace("../feeders/", folder.resolve("../feeders").normalize() + "/")
        .replace("csv: profiles.csv", "csv: " + folder.resolve("profiles.csv"));
    if (!text.contains(shipped + "\n")) {
      throw new IllegalStateException(SCENARIO + " no longer holds '" + shipped + "' to replace");
    }
    Path file = dir.resolve(fileName);
    Files.writeString(file, text.replace(shipped + "\n", replacement + "\n"));
    return file;
  }
}
