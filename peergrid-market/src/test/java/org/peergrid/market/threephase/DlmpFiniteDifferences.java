package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.LinDist3Flow.Injection;
import org.peergrid.grid.threephase.LinDist3Flow.Port;

/** Checks a clearing's DLMPs against central differences of its minimum cost. */
final class DlmpFiniteDifferences {
  private DlmpFiniteDifferences() {}

  /**
   * Clears, then for every priced port moves its demand by ±delta kW, clears again and asserts that
   * (cost(+δ) − cost(−δ)) / 2δ equals the DLMP within {@code tolerance}, and that the DLMP is the sum
   * of its parts. The LP's cost is piecewise linear in the demand: inside one optimal basis the
   * difference is exact, so the tolerance only covers GLOP's accuracy over 2δ.
   *
   * @return the unperturbed clearing
   */
  static ThreePhaseClearingResult assertMatch(LinDist3Flow model, List<Injection> fixed, List<PhaseOffer> offers,
      double importPrice, double exportPrice, ThreePhaseClearing.Limits limits, List<Port> ports, double delta,
      double tolerance) {
    return assertMatch(model, f -> new ThreePhaseClearing(model, f, offers, importPrice, exportPrice, limits), fixed,
        ports, delta, tolerance);
  }

  /** The same for any clearing built from the fixed injections by {@code clearing}. */
  static ThreePhaseClearingResult assertMatch(LinDist3Flow model,
      Function<List<Injection>, ThreePhaseClearing> clearing, List<Injection> fixed, List<Port> ports, double delta,
      double tolerance) {
    ThreePhaseClearingResult base = clearing.apply(fixed).clear(ports);
    assertThat(base.status()).isEqualTo(ThreePhaseClearingResult.Status.OPTIMAL);
    for (PhasePrice price : base.prices()) {
      List<Injection> up = new ArrayList<>(fixed);
      up.add(new Injection(price.port(), -delta, 0));
      List<Injection> down = new ArrayList<>(fixed);
      down.add(new Injection(price.port(), delta, 0));
      double more = clearing.apply(up).clear(List.of()).costPerHour();
      double less = clearing.apply(down).clear(List.of()).costPerHour();
      double fd = (more - less) / (2 * delta);
      int minus = price.port().minus();
      System.out.printf(Locale.ROOT, "three-phase DLMP %s node %d%s: %.8f (energy %.4f, voltage %.6f, unbalance %.6f,"
          + " congestion %.6f); finite difference %.8f (differ by %.1e)%n", price.bus(),
          model.network().nodeNumbers()[price.port().plus()], minus < 0 ? "" : "-" + model.network().nodeNumbers()[minus],
          price.dlmp(), price.energy(), price.voltage(), price.unbalance(), price.congestion(), fd,
          Math.abs(price.dlmp() - fd));
      assertThat(price.dlmp()).as("DLMP at %s", price).isCloseTo(fd, within(tolerance));
      assertThat(price.dlmp())
          .isCloseTo(price.energy() + price.voltage() + price.unbalance() + price.congestion(), within(1e-12));
    }
    return base;
  }
}
