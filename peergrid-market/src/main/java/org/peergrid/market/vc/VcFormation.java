package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

/**
 * Groups buildings into virtual communities whose members complement each other: it minimises
 * Σ_v Σ_t (A_v,t − Ā_v)², the squared deviation of every community's aggregate net load from its
 * daily mean, where A_v,t = Σ_{b ∈ v} (L_b,t − PV_b,t − wind_b,t) is the forecast net load a building
 * registers with its community (one quantity per interval; no battery or shiftable-load data). A
 * community whose members' midday surpluses meet other members' midday demand has a flat aggregate:
 * its members trade among themselves and it draws an even, predictable amount from outside (thesis
 * ch. 4 and 7). The deviation, not Σ A² itself, because Σ_v A_v,t is the same for every grouping and
 * Σ A² would mostly reward communities of equal mean size.
 *
 * <p>Deterministic: (1) buildings in the feeder's depth-first order (subtrees contiguous, ties by
 * scenario order) are cut greedily into communities of the middle size that keep the locality rule;
 * (2) too small communities are dissolved into neighbours that have room; (3) sweeps of best-improving
 * moves and swaps between a community and its {@link FormationRules#neighbours()} nearest communities
 * in that order, each kept only if sizes and locality still hold, until a sweep improves nothing.
 */
public final class VcFormation {
  private final List<Building> buildings;
  private final double[][] profile;
  private final int[] bus;
  private final FeederDistance distance;
  private final FormationRules rules;
  private final double maxDistance;

  private VcFormation(Scenario s, FormationRules rules) {
    RadialNetwork radial = s.network().radial();
    this.distance = new FeederDistance(radial);
    this.rules = rules;
    this.maxDistance = rules.maxDistanceShare() * distance.longest();
    List<Building> all = new ArrayList<>(s.buildings());
    // List.sort is stable: ties (buildings at one bus) keep scenario order without a second key,
    // whose lookup (indexOf in the scenario's list) made this sort quadratic.
    all.sort(Comparator.comparingInt(b -> distance.rank(radial.indexOf(b.bus()))));
    this.buildings = all;
    int n = all.size();
    int intervals = s.horizon().intervals();
    profile = new double[n][intervals];
    bus = new int[n];
    for (int i = 0; i < n; i++) {
      Building b = all.get(i);
      bus[i] = radial.indexOf(b.bus());
      double mean = 0;
      for (int t = 0; t < intervals; t++) {
        profile[i][t] = b.loadKw().get(t) - b.renewableKw(t);
        mean += profile[i][t] / intervals;
      }
      // Centred, so that Σ_t A² of a community is its squared deviation from its own daily mean.
      for (int t = 0; t < intervals; t++) {
        profile[i][t] -= mean;
      }
    }
  }

  /** The grouping of a scenario's buildings under the rules. */
  public static Grouping form(Scenario s, FormationRules rules) {
    VcFormation f = new VcFormation(s, rules);
    List<List<Integer>> groups = f.improve(f.dissolveSmall(f.greedy()));
    return Grouping.of(s, groups.stream().map(g -> g.stream().map(f.buildings::get).toList()).toList());
  }

  /** Whether every pair of buildings in the group is within the locality bound. */
  static boolean local(FeederDistance d, double max, List<Integer> buses) {
    for (int i = 0; i < buses.size(); i++) {
      for (int j = i + 1; j < buses.size(); j++) {
        if (d.between(buses.get(i), buses.get(j)) > max + 1e-12) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean fits(List<Integer> group, int candidate, int leaving) {
    for (int m : group) {
      if (m != leaving && distance.between(bus[m], bus[candidate]) > maxDistance + 1e-12) {
        return false;
      }
    }
    return true;
  }

  private List<List<Integer>> greedy() {
    int target = (rules.minSize() + rules.maxSize() + 1) / 2;
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < buildings.size(); i++) {
      if (current.size() >= target || !fits(current, i, -1)) {
        groups.add(current);
        current = new ArrayList<>();
      }
      current.add(i);
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** Moves the members of communities below the minimum size into the nearest community with room. */
  private List<List<Integer>> dissolveSmall(List<List<Integer>> groups) {
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> small = groups.get(g);
      if (small.isEmpty() || small.size() >= rules.minSize() || groups.size() == 1) {
        continue;
      }
      List<Integer> stay = new ArrayList<>();
      for (int i : small) {
        int home = nearestWithRoom(groups, g, i);
        if (home < 0) {
          stay.add(i);
        } else {
          groups.get(home).add(i);
        }
      }
      groups.set(g, stay);
    }
    groups.removeIf(List::isEmpty);
    return groups;
  }

  private int nearestWithRoom(List<List<Integer>> groups, int from, int i) {
    for (int step = 1; step < groups.size(); step++) {
      for (int g : new int[] {from - step, from + step}) {
        if (g >= 0 && g < groups.size() && groups.get(g).size() >= rules.minSize()
            && groups.get(g).size() < rules.maxSize() && fits(groups.get(g), i, -1)) {
          return g;
        }
      }
    }
    return -1;
  }

  private List<List<Integer>> improve(List<List<Integer>> groups) {
    new LocalSearch(groups, profile, rules, this::fits).run();
    groups.forEach(g -> g.sort(Integer::compare));
    return groups;
  }

  /** A locality test: may {@code candidate} join {@code group} when {@code leaving} (or −1) leaves it. */
  interface Locality {
    boolean fits(List<Integer> group, int candidate, int leaving);
  }
}
