package org.peergrid.grid.threephase;

/**
 * A passive element of the phase-frame network (line, transformer, capacitor): its conductors'
 * global node indices ({@code -1} = ground) and its primitive admittance matrix over those conductors,
 * in siemens. A transformer's matrix is rebuilt from its {@link TransformerModel} when a tap moves.
 */
public final class PhaseElement {
  /** What the element is, for losses and reports. */
  public enum Kind { LINE, TRANSFORMER, CAPACITOR }

  final Kind kind;
  final String name;
  final String location;
  final int[] nodes;
  CMatrix y;
  final TransformerModel transformer;

  public PhaseElement(Kind kind, String name, String location, int[] nodes, CMatrix y) {
    this(kind, name, location, nodes, y, null);
  }

  public PhaseElement(Kind kind, String name, String location, int[] nodes, TransformerModel transformer) {
    this(kind, name, location, nodes, transformer.yprim(), transformer);
  }

  private PhaseElement(Kind kind, String name, String location, int[] nodes, CMatrix y, TransformerModel t) {
    if (y.rows() != nodes.length || y.cols() != nodes.length) {
      throw new IllegalArgumentException(name + ": admittance matrix does not match its " + nodes.length + " conductors");
    }
    this.kind = kind;
    this.name = name;
    this.location = location;
    this.nodes = nodes.clone();
    this.y = y;
    this.transformer = t;
  }

  public Kind kind() {
    return kind;
  }

  /** Class and name as OpenDSS writes them, e.g. {@code Line.650632}. */
  public String name() {
    return name;
  }

  /** Where it was defined (file:line), for messages. */
  public String location() {
    return location;
  }

  /** The primitive admittance matrix over the conductors, S. */
  public CMatrix y() {
    return y;
  }

  /** Global node of each conductor, -1 for ground. */
  public int[] nodes() {
    return nodes.clone();
  }

  public TransformerModel transformer() {
    return transformer;
  }

  void refresh() {
    if (transformer != null) {
      y = transformer.yprim();
    }
  }

  /** Complex power flowing into the element from all its conductors (its losses), VA: {P, Q}. */
  double[] lossVa(double[] vr, double[] vi) {
    int n = nodes.length;
    double p = 0;
    double q = 0;
    for (int i = 0; i < n; i++) {
      if (nodes[i] < 0) {
        continue;
      }
      double ir = 0;
      double ii = 0;
      for (int j = 0; j < n; j++) {
        if (nodes[j] < 0) {
          continue;
        }
        double yr = y.re(i, j);
        double yi = y.im(i, j);
        ir += yr * vr[nodes[j]] - yi * vi[nodes[j]];
        ii += yr * vi[nodes[j]] + yi * vr[nodes[j]];
      }
      double ur = vr[nodes[i]];
      double ui = vi[nodes[i]];
      p += ur * ir + ui * ii;
      q += ui * ir - ur * ii;
    }
    return new double[] {p, q};
  }

  /** Current into conductor {@code k} of the element, A: {re, im}. */
  double[] conductorCurrent(int k, double[] vr, double[] vi) {
    double ir = 0;
    double ii = 0;
    for (int j = 0; j < nodes.length; j++) {
      if (nodes[j] < 0) {
        continue;
      }
      ir += y.re(k, j) * vr[nodes[j]] - y.im(k, j) * vi[nodes[j]];
      ii += y.re(k, j) * vi[nodes[j]] + y.im(k, j) * vr[nodes[j]];
    }
    return new double[] {ir, ii};
  }
}
