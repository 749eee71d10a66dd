package org.peergrid.market.region;

/**
 * The region's DSOs as the substation's price loop sees them ({@link PriceCoordination}): one per
 * feeder, in the region file's order, each asked the same prices and answering with a
 * {@link FeederProposal}. {@link LocalDsos} keeps them in this JVM; peergrid-cluster places each on
 * a node of a Pekko cluster, where it reads its own feeder.
 */
public interface RegionDsos extends AutoCloseable {

  /** Every feeder cleared alone at the utility's tariffs, in the region's order. */
  FeederProposal[] alone();

  /** Every feeder's answer to the substation prices [money/kWh per interval], in the region's order. */
  FeederProposal[] respond(double[] pricePerKwh);

  /** The DSOs are no longer needed (entities stop). */
  @Override
  void close();

  /** Where the DSOs of a region run. */
  @FunctionalInterface
  interface Placement {
    RegionDsos place(Region region);
  }
}
