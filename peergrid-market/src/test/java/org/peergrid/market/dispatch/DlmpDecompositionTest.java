package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DlmpDecompositionTest {

  @Test
  void treeAccumulationEqualsTheExplicitSensitivitySums() {
    Random random = new Random(42);
    int n = 12;
    int[] parent = new int[n];
    double[] r = new double[n];
    parent[0] = -1;
    for (int k = 1; k < n; k++) {
      parent[k] = random.nextInt(k);
      r[k] = 0.001 + random.nextDouble() * 0.05;
    }
    double hours = 0.25;
    double[][] lambda = new double[1][n];
    double[][] rhoV = new double[1][n];
    double[][] rhoP = new double[1][n];
    lambda[0][0] = 1.7;
    for (int k = 1; k < n; k++) {
      rhoV[0][k] = random.nextGaussian();
      rhoP[0][k] = random.nextGaussian();
    }
    LocationalPrices p = DlmpDecomposition.split(parent, r, lambda, rhoV, rhoP, hours);
    for (int i = 0; i < n; i++) {
      double voltage = 0;
      for (int j = 1; j < n; j++) {
        voltage += DlmpDecomposition.voltageSensitivity(parent, r, i, j) * rhoV[0][j];
      }
      double congestion = 0;
      for (int k = i; k > 0; k = parent[k]) {
        congestion -= rhoP[0][k];
      }
      assertThat(p.voltage().get(0, i)).isCloseTo(voltage / hours, within(1e-12));
      assertThat(p.congestion().get(0, i)).isCloseTo(congestion / hours, within(1e-12));
      assertThat(p.energy().get(0, i)).isCloseTo(1.7 / hours, within(1e-12));
    }
  }

  @Test
  void sensitivityCountsOnlyTheCommonPath() {
    // toy3: root 0 - 1 - 2 with r = 0.01, 0.02.
    int[] parent = {-1, 0, 1};
    double[] r = {0, 0.01, 0.02};
    assertThat(DlmpDecomposition.voltageSensitivity(parent, r, 1, 2)).isCloseTo(0.02, within(1e-15));
    assertThat(DlmpDecomposition.voltageSensitivity(parent, r, 2, 2)).isCloseTo(0.06, within(1e-15));
    assertThat(DlmpDecomposition.voltageSensitivity(parent, r, 0, 2)).isZero();
  }
}
