package org.peergrid.market.mechanism.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.Mechanisms;

/** Every registered mechanism has its contract suite: a forgotten one fails here, by name. */
class ContractExhaustivityTest {

  @Test
  void everyRegisteredMechanismHasAContractSubclass() {
    assertThat(Mechanisms.all()).hasSizeGreaterThanOrEqualTo(7);
    for (MarketMechanism m : Mechanisms.all()) {
      String suite = getClass().getPackageName() + "." + m.getClass().getSimpleName() + "ContractTest";
      Class<?> found;
      try {
        found = Class.forName(suite);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(m.name() + " has no contract suite: add " + suite
            + " extending AbstractMechanismContractTest", e);
      }
      assertThat(AbstractMechanismContractTest.class).as(suite).isAssignableFrom(found);
    }
  }
}
