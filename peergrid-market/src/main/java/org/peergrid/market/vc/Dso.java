package org.peergrid.market.vc;

import org.peergrid.market.dispatch.DecompositionMaster;
import org.peergrid.market.dispatch.MasterSolution;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.CommunityOffer;
import org.peergrid.market.vc.messages.NetworkPrices;

/**
 * The distribution system operator: it alone knows the feeder and the background load. It keeps
 * every community's offers as columns of its {@link DecompositionMaster} (the balanced feeder's
 * {@code NetworkMaster}, or a three-phase feeder's), picks the cheapest feasible mix, and publishes
 * that mix's DLMPs (the duals of the bus balances) as the next prices. Offers name their locations by
 * number: a bus number on a balanced feeder, a connection (bus and phases) on a three-phase one.
 */
final class Dso implements AutoCloseable {
  private final Scenario day;
  private final DecompositionMaster master;
  private final double hours;
  private MasterSolution last;

  Dso(Scenario day, int communities, DecompositionMaster master) {
    this.day = day;
    this.master = master;
    this.hours = day.horizon().hours();
    for (int v = 0; v < communities; v++) {
      master.addBlock();
    }
  }

  /**
   * Before any offer: the mid-point of the tariffs everywhere. A neutral guess: the DSO does not yet
   * know whether the feeder will import (price π^buy) or export (π^sell) in an interval.
   */
  NetworkPrices opening(String vcId, int[] busNumbers) {
    double[] tariff = day.tariff().importPrice().values();
    for (int t = 0; t < tariff.length; t++) {
      tariff[t] = (tariff[t] + day.tariff().exportPrice().get(t)) / 2;
    }
    double[][] p = new double[busNumbers.length][];
    for (int j = 0; j < p.length; j++) {
      p[j] = tariff.clone();
    }
    return new NetworkPrices(vcId, 0, busNumbers, p, Double.POSITIVE_INFINITY);
  }

  void receive(int vc, CommunityOffer offer) {
    int[] buses = offer.busNumbers();
    int[] index = new int[buses.length];
    double[][] kw = new double[buses.length][];
    for (int j = 0; j < buses.length; j++) {
      index[j] = master.locationIndex(buses[j]);
      kw[j] = offer.quantityKwh()[j].clone();
      for (int t = 0; t < kw[j].length; t++) {
        kw[j][t] /= hours;
      }
    }
    master.addColumn(vc, offer.cost(), index, kw);
  }

  MasterSolution clear() {
    last = master.solve();
    if (!last.optimal()) {
      throw new IllegalStateException(last.message());
    }
    return last;
  }

  /** The last mix's DLMPs at a community's buses, with the value of its convexity row. */
  NetworkPrices prices(int vc, String vcId, int iteration, int[] busNumbers) {
    int intervals = day.horizon().intervals();
    double[][] p = new double[busNumbers.length][intervals];
    for (int j = 0; j < busNumbers.length; j++) {
      int k = master.locationIndex(busNumbers[j]);
      for (int t = 0; t < intervals; t++) {
        p[j][t] = master.price(last, t, k);
      }
    }
    return new NetworkPrices(vcId, iteration, busNumbers, p, last.blockPrice()[vc]);
  }

  Acceptance acceptance(int vc, String vcId) {
    return new Acceptance(vcId, last.weights()[vc].clone());
  }

  @Override
  public void close() {
    master.close();
  }
}
