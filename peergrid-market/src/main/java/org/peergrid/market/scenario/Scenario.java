package org.peergrid.market.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peergrid.grid.ValidationException;

/**
 * A complete market scenario: feeder, horizon, tariffs and participants (docs/scenario.md,
 * version 1). Immutable; the constructor checks what ties the parts together: every series has
 * one value per interval, participant ids are unique, every participant sits on a bus of the
 * feeder's tree, and every shiftable window lies inside the horizon.
 *
 * @param name a label for reports
 * @param currency a label for money in reports
 * @param network the feeder and its limits
 * @param horizon the intervals
 * @param tariff the utility's day-ahead prices
 * @param participants in file order
 * @param uncertainty how the buildings' forecasts are random (the defaults when the file has no
 *     {@code uncertainty} block); only probabilistic runs read it
 * @param realtimeTariff the prices at which real-time deviations from the day-ahead position are
 *     settled (the {@code realtime} block; {@link Tariff#realtimeDefault()} of the tariff without it)
 * @param stages what {@code peergrid run} runs after the day-ahead market (the {@code run} block);
 *     nothing else reads it
 * @param bargaining the bill basis of savings sharing and the coalitions of the core constraints
 *     (the {@code bargaining} block; {@link BargainingSpec#DEFAULT} without it)
 */
public record Scenario(
    String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
    List<Participant> participants, UncertaintySpec uncertainty, Tariff realtimeTariff, StageRequests stages,
    BargainingSpec bargaining) {

  /** A scenario with the default bargaining settings. */
  public Scenario(String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
      List<Participant> participants, UncertaintySpec uncertainty, Tariff realtimeTariff, StageRequests stages) {
    this(name, currency, network, horizon, tariff, participants, uncertainty, realtimeTariff, stages,
        BargainingSpec.DEFAULT);
  }

  /** A scenario that asks for no run stages. */
  public Scenario(String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
      List<Participant> participants, UncertaintySpec uncertainty, Tariff realtimeTariff) {
    this(name, currency, network, horizon, tariff, participants, uncertainty, realtimeTariff, StageRequests.NONE);
  }

  /** A scenario with the default uncertainty settings and the default real-time tariff. */
  public Scenario(String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
      List<Participant> participants) {
    this(name, currency, network, horizon, tariff, participants, UncertaintySpec.DEFAULT, null);
  }

  /** A scenario with the default real-time tariff. */
  public Scenario(String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
      List<Participant> participants, UncertaintySpec uncertainty) {
    this(name, currency, network, horizon, tariff, participants, uncertainty, null);
  }

  /** A scenario with the default uncertainty settings. */
  public Scenario(String name, String currency, NetworkSettings network, Horizon horizon, Tariff tariff,
      List<Participant> participants, Tariff realtimeTariff) {
    this(name, currency, network, horizon, tariff, participants, UncertaintySpec.DEFAULT, realtimeTariff);
  }

  public Scenario {
    participants = List.copyOf(participants);
    uncertainty = uncertainty == null ? UncertaintySpec.DEFAULT : uncertainty;
    realtimeTariff = realtimeTariff == null ? tariff.realtimeDefault() : realtimeTariff;
    stages = stages == null ? StageRequests.NONE : stages;
    bargaining = bargaining == null ? BargainingSpec.DEFAULT : bargaining;
    int n = horizon.intervals();
    requireLength("tariff.import", tariff.importPrice(), n);
    requireLength("tariff.export", tariff.exportPrice(), n);
    requireLength("realtime.import", realtimeTariff.importPrice(), n);
    requireLength("realtime.export", realtimeTariff.exportPrice(), n);
    requireLength("network.background_profile", network.backgroundProfile(), n);
    Set<String> ids = new HashSet<>();
    for (Participant p : participants) {
      if (!ids.add(p.id())) {
        throw new ValidationException("participant id " + p.id() + " is used twice; ids must be unique");
      }
      if (network.radial().indexOf(p.bus()) < 0) {
        throw new ValidationException(p.id() + ": bus " + p.bus() + " is not a bus of the feeder's tree");
      }
      if (p instanceof ElectricVehicle ev) {
        try {
          ev.requireReachable(n, horizon.hours());
        } catch (ValidationException e) {
          throw new ValidationException(ev.id() + ": " + e.detail());
        }
      }
      if (p instanceof Building b) {
        requireLength(b.id() + ".load_kw", b.loadKw(), n);
        requireLength(b.id() + ".pv_kw", b.pvKw(), n);
        requireLength(b.id() + ".wind_kw", b.windKw(), n);
        b.shiftable().ifPresent(s -> {
          if (s.windowEnd() > n) {
            throw new ValidationException(b.id() + ".shiftable.window ends at " + s.windowEnd()
                + ", after the last interval " + (n - 1) + " (the end is exclusive, at most " + n + ")");
          }
        });
      }
    }
    for (String id : uncertainty.overrides().keySet()) {
      if (participants.stream().noneMatch(p -> p instanceof Building && p.id().equals(id))) {
        throw new ValidationException("uncertainty.participants." + id + ": no building has that id");
      }
    }
  }

  /** A copy with other participants (e.g. perturbed forecasts), everything else the same. */
  public Scenario withParticipants(List<Participant> replaced) {
    return new Scenario(name, currency, network, horizon, tariff, replaced, uncertainty, realtimeTariff, stages,
        bargaining);
  }

  /** A copy that asks for other run stages (command-line overrides), everything else the same. */
  public Scenario withStages(StageRequests replaced) {
    return new Scenario(name, currency, network, horizon, tariff, participants, uncertainty, realtimeTariff, replaced,
        bargaining);
  }

  /** A copy with other uncertainty settings (e.g. the command line's correlation), everything else the same. */
  public Scenario withUncertainty(UncertaintySpec replaced) {
    return new Scenario(name, currency, network, horizon, tariff, participants, replaced, realtimeTariff, stages,
        bargaining);
  }

  /**
   * The day-ahead market of only {@code kept} of its participants, named {@code newName}: the same
   * feeder, horizon, tariffs and bill basis, without run stages, uncertainty overrides or
   * coalitions (a case variant or a coalition is cleared on its own, once).
   */
  public Scenario subset(String newName, List<Participant> kept) {
    return new Scenario(newName, currency, network, horizon, tariff, kept, UncertaintySpec.DEFAULT, realtimeTariff,
        StageRequests.NONE, new BargainingSpec(bargaining.bill(), List.of(), false,
        bargaining.networkPart()));
  }

  private static void requireLength(String key, TimeSeries series, int intervals) {
    if (series.size() != intervals) {
      throw new ValidationException(key + " has " + series.size() + " values; it needs one per interval ("
          + intervals + ")");
    }
  }

  /** The electric vehicles, in file order. */
  public List<ElectricVehicle> vehicles() {
    return participants.stream().filter(ElectricVehicle.class::isInstance).map(ElectricVehicle.class::cast)
        .toList();
  }

  /** The buildings, in file order. */
  public List<Building> buildings() {
    return participants.stream().filter(Building.class::isInstance).map(Building.class::cast).toList();
  }
}
