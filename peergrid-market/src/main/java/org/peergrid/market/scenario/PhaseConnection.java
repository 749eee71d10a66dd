package org.peergrid.market.scenario;

import java.util.List;

/**
 * Where a participant of a three-phase scenario is connected: an OpenDSS bus and the phases its
 * power is spread over equally (wye, phase to ground). {@code phases: [a]} is a single-phase home;
 * the default {@code [a, b, c]} a balanced three-phase connection.
 *
 * @param bus the bus name as OpenDSS writes it, lower case
 * @param nodes the OpenDSS node numbers of the phases (1 = a, 2 = b, 3 = c), in the order given
 */
public record PhaseConnection(String bus, List<Integer> nodes) {
  /** The default: balanced over the three phases. */
  public static final List<Integer> THREE_PHASES = List.of(1, 2, 3);

  public PhaseConnection {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a connection needs at least one phase");
    }
  }

  /** The phase letter of an OpenDSS node number 1-3. */
  public static String letter(int node) {
    return String.valueOf((char) ('a' + node - 1));
  }

  /** The phases as the scenario writes them, e.g. {@code [a, b, c]}. */
  public String phasesText() {
    return nodes.stream().map(PhaseConnection::letter).toList().toString();
  }
}
