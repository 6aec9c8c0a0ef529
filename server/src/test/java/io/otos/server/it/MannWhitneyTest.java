package io.otos.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timing test's statistics tell a small shift in noisy timings from none. */
class MannWhitneyTest {

  private final Random random = new Random(42);

  private long[] timings(int count, long median, long shift) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      // Lognormal-ish noise, as request timings have: mostly near the median, a long tail.
      values[i] = shift + (long) (median * Math.exp(0.4 * random.nextGaussian()));
    }
    return values;
  }

  @Test
  void samplesOfOneDistributionAreNotToldApart() {
    assertThat(MannWhitney.pValue(timings(400, 3_000_000, 0), timings(400, 3_000_000, 0)))
        .isGreaterThan(0.001);
  }

  @Test
  void aShiftOfASixthOfTheMedianIsFoundIn400Timings() {
    assertThat(MannWhitney.pValue(timings(400, 3_000_000, 0), timings(400, 3_000_000, 500_000)))
        .isLessThan(1e-6);
  }

  @Test
  void theMedianIsTheMiddleValue() {
    assertThat(MannWhitney.median(new long[] {5, 1, 3})).isEqualTo(3);
  }
}
