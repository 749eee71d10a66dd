package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.CommunityOffer;
import org.peergrid.market.vc.messages.NetworkPrices;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * A virtual community's coordinator: relays the DSO's prices to each member (only the price at the
 * member's bus), adds its members' offers up per bus for the DSO (so the DSO sees communities, not
 * buildings), and relays the final weights. It keeps no member data beyond the offers it received.
 */
final class Coordinator {
  private final String id;
  private final List<String> members;
  private final int[] busNumbers;
  /** The slot in {@link #busNumbers} of each member. */
  private final int[] memberSlot;

  Coordinator(String id, List<String> members, List<Integer> memberBuses) {
    this.id = id;
    this.members = List.copyOf(members);
    this.busNumbers = new TreeSet<>(memberBuses).stream().mapToInt(Integer::intValue).toArray();
    this.memberSlot = new int[members.size()];
    for (int i = 0; i < memberSlot.length; i++) {
      memberSlot[i] = java.util.Arrays.binarySearch(busNumbers, memberBuses.get(i));
    }
  }

  String id() {
    return id;
  }

  List<String> members() {
    return members;
  }

  int[] busNumbers() {
    return busNumbers.clone();
  }

  /** One price signal per member, in member order. */
  List<PriceSignal> relay(NetworkPrices prices) {
    List<PriceSignal> out = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      out.add(new PriceSignal(members.get(i), prices.iteration(), prices.pricePerKwh()[memberSlot[i]].clone()));
    }
    return out;
  }

  /** The members' offers (in member order) added up per bus. */
  CommunityOffer aggregate(int iteration, List<Offer> offers) {
    int n = offers.get(0).quantityKwh().length;
    double[][] perBus = new double[busNumbers.length][n];
    double cost = 0;
    for (int i = 0; i < offers.size(); i++) {
      double[] q = offers.get(i).quantityKwh();
      for (int t = 0; t < n; t++) {
        perBus[memberSlot[i]][t] += q[t];
      }
      cost += offers.get(i).cost();
    }
    return new CommunityOffer(id, iteration, busNumbers.clone(), perBus, cost);
  }

  /** The community's weights, passed on to every member. */
  List<Acceptance> relay(Acceptance accepted) {
    return members.stream().map(m -> new Acceptance(m, accepted.weights().clone())).toList();
  }
}
