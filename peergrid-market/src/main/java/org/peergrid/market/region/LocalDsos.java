package org.peergrid.market.region;

import java.util.List;

/** The region's DSOs in this JVM: one {@link FeederDso} per feeder, asked in the region's order. */
public final class LocalDsos implements RegionDsos {
  private final List<FeederDso> dsos;

  private LocalDsos(Region region) {
    this.dsos = region.feeders().stream().map(f -> new FeederDso(f.id(), f.scenario())).toList();
  }

  /** The placement of every DSO in this JVM. */
  public static RegionDsos.Placement placement() {
    return LocalDsos::new;
  }

  @Override
  public FeederProposal[] alone() {
    return dsos.stream().map(FeederDso::alone).toArray(FeederProposal[]::new);
  }

  @Override
  public FeederProposal[] respond(double[] pricePerKwh) {
    return dsos.stream().map(d -> d.respond(pricePerKwh)).toArray(FeederProposal[]::new);
  }

  @Override
  public void close() {
    // nothing held outside the heap
  }
}
