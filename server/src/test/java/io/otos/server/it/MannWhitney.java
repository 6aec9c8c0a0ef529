package io.otos.server.it;

import java.util.Arrays;

/**
 * The Mann-Whitney U test: how likely two samples of timings this different are, if both came from
 * the same distribution (normal approximation, two-sided; fine from about 20 values each).
 */
final class MannWhitney {

  private MannWhitney() {}

  static double pValue(long[] a, long[] b) {
    int n1 = a.length;
    int n2 = b.length;
    long[][] all = new long[n1 + n2][];
    for (int i = 0; i < n1; i++) {
      all[i] = new long[] {a[i], 0};
    }
    for (int i = 0; i < n2; i++) {
      all[n1 + i] = new long[] {b[i], 1};
    }
    Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
    double rankSumA = 0;
    for (int i = 0; i < all.length; ) {
      int j = i;
      while (j < all.length && all[j][0] == all[i][0]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0; // ties share their mean rank
      for (int k = i; k < j; k++) {
        if (all[k][1] == 0) {
          rankSumA += rank;
        }
      }
      i = j;
    }
    double u = rankSumA - n1 * (n1 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2;
    double sd = Math.sqrt(n1 * (double) n2 * (n1 + n2 + 1) / 12);
    double z = Math.abs(u - mean) / sd;
    return 2 * (1 - normal(z));
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The standard normal distribution function (Zelen and Severo, error below 1e-7). */
  private static double normal(double z) {
    double t = 1 / (1 + 0.2316419 * z);
    double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    double poly =
        t
            * (0.319381530
                + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    return 1 - density * poly;
  }
}
