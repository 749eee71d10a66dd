package org.peergrid.market.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peergrid.grid.ValidationException;

/**
 * A market day on an OpenDSS feeder (docs/scenario.md, {@code network: {opendss: FILE}}): the same
 * horizon, tariffs and participants as a {@link Scenario}, but the feeder is unbalanced and every
 * participant sits on named phases of a named bus. A participant's {@link Participant#bus()} is the
 * bus's index in {@link ThreePhaseNetworkSettings#feeder()}; {@link #connections()} has its name and phases.
 *
 * @param connections by participant id
 */
public record ThreePhaseScenario(String name, String currency, ThreePhaseNetworkSettings network, Horizon horizon,
    Tariff tariff, List<Participant> participants, Map<String, PhaseConnection> connections,
    BargainingSpec bargaining) {

  public ThreePhaseScenario {
    participants = List.copyOf(participants);
    connections = Map.copyOf(connections);
    bargaining = bargaining == null ? BargainingSpec.DEFAULT : bargaining;
    int n = horizon.intervals();
    if (tariff.importPrice().size() != n || tariff.exportPrice().size() != n
        || network.backgroundProfile().size() != n) {
      throw new ValidationException("the tariffs and the background profile need one value per interval (" + n + ")");
    }
    Set<String> ids = new HashSet<>();
    for (Participant p : participants) {
      if (!ids.add(p.id())) {
        throw new ValidationException("participant id " + p.id() + " is used twice; ids must be unique");
      }
      if (!connections.containsKey(p.id())) {
        throw new ValidationException(p.id() + ": no bus and phases");
      }
    }
  }

  /** Where a participant is connected. */
  public PhaseConnection connection(String participantId) {
    return connections.get(participantId);
  }

  /** The buildings, in file order. */
  public List<Building> buildings() {
    return participants.stream().filter(Building.class::isInstance).map(Building.class::cast).toList();
  }
}
