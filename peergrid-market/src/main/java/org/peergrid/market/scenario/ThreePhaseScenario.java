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
 * @param uncertainty how the buildings' forecasts are random (the {@code uncertainty} block, as on a
 *     MATPOWER feeder; the defaults without it); only probabilistic runs read it
 * @param stages what {@code peergrid run} runs after the day-ahead market (the {@code run} block)
 * @param realtimeTariff the real-time prices of deviations ({@code realtime}, docs/realtime.md §4)
 * @param minuteLoadKw a building's load at 1-minute resolution by participant id ({@code load_kw_minutes}),
 *     intervals × interval_minutes values, for {@code peergrid realtime --validate-minutes}; buildings
 *     without one hold their interval value through the interval
 */
public record ThreePhaseScenario(String name, String currency, ThreePhaseNetworkSettings network, Horizon horizon,
    Tariff tariff, List<Participant> participants, Map<String, PhaseConnection> connections,
    BargainingSpec bargaining, UncertaintySpec uncertainty, StageRequests stages, Tariff realtimeTariff,
    Map<String, TimeSeries> minuteLoadKw) {

  /**
   * A scenario with the default uncertainty settings, no run stages, no real-time prices of its own (the
   * default spread) and no 1-minute loads.
   */
  public ThreePhaseScenario(String name, String currency, ThreePhaseNetworkSettings network, Horizon horizon,
      Tariff tariff, List<Participant> participants, Map<String, PhaseConnection> connections,
      BargainingSpec bargaining) {
    this(name, currency, network, horizon, tariff, participants, connections, bargaining, UncertaintySpec.DEFAULT,
        StageRequests.NONE, null, Map.of());
  }

  public ThreePhaseScenario {
    participants = List.copyOf(participants);
    connections = Map.copyOf(connections);
    bargaining = bargaining == null ? BargainingSpec.DEFAULT : bargaining;
    uncertainty = uncertainty == null ? UncertaintySpec.DEFAULT : uncertainty;
    stages = stages == null ? StageRequests.NONE : stages;
    realtimeTariff = realtimeTariff == null ? tariff.realtimeDefault() : realtimeTariff;
    minuteLoadKw = Map.copyOf(minuteLoadKw);
    int n = horizon.intervals();
    if (tariff.importPrice().size() != n || tariff.exportPrice().size() != n
        || network.backgroundProfile().size() != n) {
      throw new ValidationException("the tariffs and the background profile need one value per interval (" + n + ")");
    }
    if (realtimeTariff.importPrice().size() != n || realtimeTariff.exportPrice().size() != n) {
      throw new ValidationException("the real-time tariff needs one value per interval (" + n + ")");
    }
    int minutes = n * horizon.intervalMinutes();
    minuteLoadKw.forEach((id, series) -> {
      if (series.size() != minutes) {
        throw new ValidationException(id + ": load_kw_minutes has " + series.size() + " values; it needs one per"
            + " minute of the horizon (" + minutes + ")");
      }
    });
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

  /** A copy with other participants (e.g. perturbed forecasts, the same ids and connections), all else the same. */
  public ThreePhaseScenario withParticipants(List<Participant> replaced) {
    return new ThreePhaseScenario(name, currency, network, horizon, tariff, replaced, connections, bargaining,
        uncertainty, stages, realtimeTariff, minuteLoadKw);
  }

  /** A copy on other network settings (e.g. {@link ThreePhaseNetworkSettings#withOwnFeeder}), everything else the same. */
  public ThreePhaseScenario withNetwork(ThreePhaseNetworkSettings replaced) {
    return new ThreePhaseScenario(name, currency, replaced, horizon, tariff, participants, connections, bargaining,
        uncertainty, stages, realtimeTariff, minuteLoadKw);
  }

  /** A copy with other uncertainty settings (e.g. the command line's correlation), everything else the same. */
  public ThreePhaseScenario withUncertainty(UncertaintySpec replaced) {
    return new ThreePhaseScenario(name, currency, network, horizon, tariff, participants, connections, bargaining,
        replaced, stages, realtimeTariff, minuteLoadKw);
  }

  /** A copy that asks for other run stages (command-line overrides), everything else the same. */
  public ThreePhaseScenario withStages(StageRequests replaced) {
    return new ThreePhaseScenario(name, currency, network, horizon, tariff, participants, connections, bargaining,
        uncertainty, replaced, realtimeTariff, minuteLoadKw);
  }

  /** Where a participant is connected. */
  public PhaseConnection connection(String participantId) {
    return connections.get(participantId);
  }

  /** The buildings, in file order. */
  public List<Building> buildings() {
    return participants.stream().filter(Building.class::isInstance).map(Building.class::cast).toList();
  }

  /** The electric vehicles, in file order. */
  public List<ElectricVehicle> vehicles() {
    return participants.stream().filter(ElectricVehicle.class::isInstance).map(ElectricVehicle.class::cast).toList();
  }
}
