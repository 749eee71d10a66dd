package org.peergrid.market.nuc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peergrid.market.ev.EvDelivery;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.testing.EvScenarios;

class NucLoopTest {
  @ParameterizedTest
  @EnumSource(NucMethod.class)
  void withNoLimitBindingTheChargesOnlyRecoverTheLosses(NucMethod method) {
    Scenario day = EvScenarios.community(0.85, 1.15, 0.3, 30, EvScenarios.threeEvs());
    NucSettings settings = new NucSettings(method, 0.01, 0.01, 30, 0.25, 0.02);
    NucResult<AcCheckResult> r = NucLoop.run(day, settings);

    assertThat(r.converged()).as(r.message()).isTrue();
    assertThat(r.ac().violations()).isEmpty();
    assertThat(r.cost()).isGreaterThan(1);
    assertThat(Math.abs(r.revenue() - r.cost())).isLessThanOrEqualTo(0.01 * r.cost());
    // the first clearing announces no charges, so the loop needs at least a second one to recover anything
    assertThat(r.iterations().get(0).revenue()).isZero();
    assertThat(r.iterations().size()).isGreaterThanOrEqualTo(2);
    assertThat(r.trades()).allSatisfy(x -> assertThat(x.surchargePerKwh()).isZero());
    assertThat(r.paid().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(r.revenue(),
        org.assertj.core.api.Assertions.within(1e-6));
    for (ElectricVehicle ev : day.vehicles()) {
      EvDelivery.assertDelivered(ev, r.dispatch().optimal().schedule(ev.id()), EvScenarios.HOURS);
    }
  }

  @Test
  void aVoltageViolationRaisesTheChargesOfTheTradesThatCauseItUntilTheAcCheckPasses() {
    // 700 kWp of PV at each end of the feeder on a lightly loaded day lifts the far buses above 1.02 p.u.
    Scenario day = EvScenarios.community(0.9, 1.02, 0.1, 700, List.of());
    NucResult<AcCheckResult> r = NucLoop.run(day, NucSettings.DEFAULT);

    assertThat(r.iterations().get(0).violations()).isPositive();
    assertThat(r.iterations().get(0).vmaxPu()).isGreaterThan(1.02 + 1e-4);
    assertThat(r.converged()).as(r.message()).isTrue();
    assertThat(r.ac().violations()).isEmpty();
    assertThat(r.ac().vmax().orElseThrow().pu()).isLessThanOrEqualTo(1.02 + 1e-6);
    // the sellers at the far ends carry the surcharges; the buyers near the root do not
    assertThat(r.paid().get("PV18")).isPositive();
    assertThat(r.paid().get("PV33")).isPositive();
    assertThat(r.trades().stream().filter(x -> x.seller().startsWith("PV")).mapToDouble(Trade::surchargePerKwh).max()
        .orElse(0)).isPositive();
    // the loss charges alone recover the loss cost; the surcharges come on top as the rent of the limit
    NucSettings d = NucSettings.DEFAULT;
    assertThat(Math.abs(r.revenue() - r.surchargeRevenue() - r.cost()))
        .isLessThanOrEqualTo(Math.max(d.absoluteTolerance(), d.relativeTolerance() * r.cost()));
    assertThat(r.surchargeRevenue()).isPositive();
  }

  @Test
  void theLoopLowersTheSurchargesToWithinThePrecisionOfTheSmallestThatPass() {
    Scenario day = EvScenarios.community(0.9, 1.02, 0.1, 700, List.of());
    NucSettings d = NucSettings.DEFAULT;
    NucResult<AcCheckResult> r = NucLoop.run(day, d);
    assertThat(r.converged()).as(r.message()).isTrue();
    // relaxed: strictly below the raised surcharges, and the iterations show the bisection
    assertThat(r.surchargeScale()).isGreaterThan(0).isLessThan(1);
    assertThat(r.iterations()).anySatisfy(i -> assertThat(i.phase()).isEqualTo("relax"));
    assertThat(r.iterations().stream().mapToDouble(NucIteration::surchargeRevenue).max().orElseThrow())
        .isGreaterThan(r.surchargeRevenue());

    // lowering them all by more than the precision breaks the AC check again
    double lower = (r.surchargeScale() - 1.01 * d.surchargePrecision()) / r.surchargeScale();
    var below = NucLoop.check(day, d, r.surcharges().scaled(Math.max(0, lower)), r.lossRate(), r.trades());
    assertThat(below.violations()).isNotEmpty();
    assertThat(below.vmax().orElseThrow().pu()).isGreaterThan(1.02);
    // and the loop's own surcharges, re-announced, pass
    var at = NucLoop.check(day, d, r.surcharges(), r.lossRate(), r.trades());
    assertThat(at.violations()).isEmpty();
  }
}
