package org.peergrid.market.mechanism;

import java.util.List;
import java.util.OptionalDouble;
import org.peergrid.market.settlement.SettlementResult;

/**
 * What a coalition S of buildings saves when it is cleared alone on the feeder (the others absent,
 * generators and community batteries too): v(S) = Σ_{i∈S} C⁰_i − B_S, with B_S its bill on the
 * scenario's basis. The Nash and KS splits then give S at least v(S) together (a core constraint).
 *
 * @param members the coalition's participant ids
 * @param value v(S) [money]; empty when S alone has no feasible schedule (no constraint then)
 * @param note why there is no value, or empty
 */
public record CoalitionValue(List<String> members, OptionalDouble value, String note) {
  public CoalitionValue {
    members = List.copyOf(members);
  }

  /** The coalition as the scenario and reports write it, e.g. {@code {B03, B07}}. */
  public String label() {
    return "{" + String.join(", ", members) + "}";
  }

  /** A core constraint binds when the coalition gets v(S) to within this much, relative to max(1, |v(S)|). */
  public static final double BINDING_TOLERANCE = 1e-6;

  /** Σ_{i∈S} saving_i − v(S) under a settlement [money]; empty when S has no value. */
  public OptionalDouble slack(SettlementResult settlement) {
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    double got = members.stream().mapToDouble(id -> settlement.participant(id).savings().orElseThrow()).sum();
    return OptionalDouble.of(got - value.getAsDouble());
  }

  /** Whether the settlement gives S exactly what it saves alone (its core constraint binds). */
  public boolean binds(SettlementResult settlement) {
    OptionalDouble slack = slack(settlement);
    return slack.isPresent()
        && Math.abs(slack.getAsDouble()) <= BINDING_TOLERANCE * Math.max(1, Math.abs(value.getAsDouble()));
  }
}
