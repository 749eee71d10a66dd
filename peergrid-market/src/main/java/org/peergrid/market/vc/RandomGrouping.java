package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

/**
 * The baseline for formation: the same community sizes as a given grouping, members drawn at
 * random (seeded; {@link Random} is specified bit for bit, so a seed gives the same grouping on
 * every JVM). It ignores both complementarity and locality.
 */
public final class RandomGrouping {
  private RandomGrouping() {}

  public static Grouping like(Scenario s, Grouping sizesFrom, long seed) {
    List<Building> shuffled = new ArrayList<>(s.buildings());
    Collections.shuffle(shuffled, new Random(seed));
    List<List<Building>> groups = new ArrayList<>();
    int next = 0;
    for (int size : sizesFrom.buildingCommunitySizes()) {
      groups.add(shuffled.subList(next, next + size));
      next += size;
    }
    return Grouping.of(s, groups);
  }
}
