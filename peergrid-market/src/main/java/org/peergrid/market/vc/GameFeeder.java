package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;

/**
 * The feeder as the DSO of the non-cooperative game knows it (docs/vc-game.md §3, "The DSO"): after
 * each play it checks the equilibrium's schedule on the feeder and raises its network charges behind
 * every violated limit. The game itself never sees the feeder, so the same players play on a balanced
 * feeder (LinDistFlow and the balanced AC check, {@link VcGameClearing}) and on a three-phase one
 * (LinDist3Flow and the three-phase power flow, {@code threephase.ThreePhaseVcGame}).
 *
 * @param <C> what a check found, as the feeder reports it
 */
public interface GameFeeder<C extends GameFeeder.Check> {
  /**
   * The step by which a violated cell raises the charges, as a share of the interval's import tariff
   * (the p2p-nuc rule of docs/nuc-ev.md), shared among the players by the feeder's sensitivities.
   */
  double CHARGE_STEP = 0.05;

  /** What the DSO's check of one equilibrium found. */
  interface Check {
    /** Violated limits (cells of interval and element) the DSO raises charges behind; 0 when it passes. */
    int violations();
  }

  /** Checks an equilibrium's schedule on the feeder. */
  C check(VcEquilibrium equilibrium);

  /** The charges [participant in scenario order][interval] raised behind every violation of the check; a new array. */
  double[][] raised(double[][] charges, C check);

  /**
   * The DSO's loop.
   *
   * @param equilibrium the last play's equilibrium
   * @param check its check on the feeder
   * @param violationsPerPlay the check's violation count after each play, in order
   */
  record Played<C>(VcEquilibrium equilibrium, C check, List<Integer> violationsPerPlay) {
    public Played {
      violationsPerPlay = List.copyOf(violationsPerPlay);
    }

    /** {@code 3 plays, AC violations 5 → 1 → 0}. */
    public String describe() {
      return violationsPerPlay.size() + (violationsPerPlay.size() == 1 ? " play" : " plays") + ", AC violations "
          + String.join(" → ", violationsPerPlay.stream().map(String::valueOf).toList());
    }
  }

  /**
   * The DSO starts with no charge, lets the players reach an equilibrium, checks it and raises the
   * charges behind every violation, then the players replay from where they are; until the check
   * passes, {@code correct} is false, or after {@link VcGameClearing#MAX_DSO_ROUNDS} plays.
   */
  static <C extends Check> Played<C> play(VcNashGame game, GameFeeder<C> feeder, int participants, int intervals,
      boolean correct) {
    double[][] charges = new double[participants][intervals];
    List<Integer> violations = new ArrayList<>();
    while (true) {
      VcEquilibrium e = game.play(charges);
      C check = feeder.check(e);
      violations.add(check.violations());
      if (check.violations() == 0 || !correct || violations.size() >= VcGameClearing.MAX_DSO_ROUNDS) {
        return new Played<>(e, check, violations);
      }
      charges = feeder.raised(charges, check);
    }
  }
}
