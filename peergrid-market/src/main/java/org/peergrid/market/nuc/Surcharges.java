package org.peergrid.market.nuc;

/**
 * The surcharges announced per participant and interval, for its sales and for its purchases
 * [money/kWh]. The loop raises them where the AC check fails and then scales them all down by a
 * common factor while it keeps passing (docs/nuc-ev.md).
 */
public final class Surcharges {
  private final double[][] seller;
  private final double[][] buyer;

  Surcharges(int participants, int intervals) {
    this(new double[participants][intervals], new double[participants][intervals]);
  }

  private Surcharges(double[][] seller, double[][] buyer) {
    this.seller = seller;
    this.buyer = buyer;
  }

  void raise(int participant, boolean onSales, int t, double amount) {
    (onSales ? seller : buyer)[participant][t] += amount;
  }

  /** These surcharges times {@code factor}, a new object (the loop keeps the raised ones to scale from). */
  public Surcharges scaled(double factor) {
    double[][] s = new double[seller.length][];
    double[][] b = new double[buyer.length][];
    for (int i = 0; i < seller.length; i++) {
      s[i] = seller[i].clone();
      b[i] = buyer[i].clone();
      for (int t = 0; t < s[i].length; t++) {
        s[i][t] *= factor;
        b[i][t] *= factor;
      }
    }
    return new Surcharges(s, b);
  }

  public boolean any() {
    for (int i = 0; i < seller.length; i++) {
      for (int t = 0; t < seller[i].length; t++) {
        if (seller[i][t] > 0 || buyer[i][t] > 0) {
          return true;
        }
      }
    }
    return false;
  }

  public double onSales(int participant, int t) {
    return seller[participant][t];
  }

  public double onPurchases(int participant, int t) {
    return buyer[participant][t];
  }
}
