package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peergrid.market.vc.messages.Message;

/**
 * Privacy by construction: a message carries identifiers, prices, quantities and money only, as
 * plain numbers and strings (nothing from the scenario model, so no load, PV or battery object can
 * travel), and an agent's only inputs are such messages.
 */
class MessageTypesTest {
  private static final Set<Class<?>> PLAIN = Set.of(String.class, int.class, double.class, int[].class,
      double[].class, double[][].class);
  /** What a component may be named: an identifier, a round, a price, a quantity, money or a weight. */
  private static final Pattern ALLOWED_NAME =
      Pattern.compile("(vcId|agentId|recipientId|iteration|busNumbers|pricePerKwh|quantityKwh|cost|offerValue|weights"
          + "|supplyKwh|demandKwh|surplusKwh|deficitKwh|gain|step)");

  @Test
  void everyMessageIsARecordOfIdentifiersPricesAndQuantities() {
    Class<?>[] types = Message.class.getPermittedSubclasses();
    assertThat(types).hasSize(9);
    for (Class<?> type : types) {
      assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
      for (RecordComponent c : type.getRecordComponents()) {
        assertThat(PLAIN).as(type.getSimpleName() + "." + c.getName()).contains(c.getType());
        assertThat(c.getName()).as(type.getSimpleName()).matches(ALLOWED_NAME);
      }
    }
  }

  @Test
  void anAgentTakesInOnlyMessages() {
    for (Method m : Agent.class.getDeclaredMethods()) {
      if (Modifier.isPrivate(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      assertThat(Arrays.stream(m.getParameterTypes()).allMatch(Message.class::isAssignableFrom))
          .as("Agent." + m.getName() + " takes only messages").isTrue();
    }
  }

  /** The non-cooperative game's player likewise: it opens alone, then takes in market states only. */
  @Test
  void aPlayerTakesInOnlyMessages() {
    for (Method m : Player.class.getDeclaredMethods()) {
      if (Modifier.isPrivate(m.getModifiers()) || m.isSynthetic() || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      assertThat(Arrays.stream(m.getParameterTypes()).allMatch(Message.class::isAssignableFrom))
          .as("Player." + m.getName() + " takes only messages").isTrue();
    }
  }

  @Test
  void aCoordinatorHoldsNoParticipantData() {
    for (var f : Coordinator.class.getDeclaredFields()) {
      assertThat(f.getType().getPackageName()).as("Coordinator." + f.getName())
          .doesNotContain("scenario").doesNotContain("dispatch");
    }
  }
}
