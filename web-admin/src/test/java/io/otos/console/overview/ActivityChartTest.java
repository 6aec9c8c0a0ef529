package io.otos.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.audit.ActivityBucket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityChartTest {

  private static final OffsetDateTime FROM =
      OffsetDateTime.of(2026, 11, 27, 0, 0, 0, 0, ZoneOffset.UTC);
  private final ActivityChart chart = new ActivityChart(FROM, Duration.ofHours(1), 24);

  @Test
  void periodsWithoutAttemptsCountZeroAndOthersKeepTheirFigures() {
    long[][] counts =
        chart.counts(
            List.of(
                new ActivityBucket(FROM.plusHours(2), 7, 1),
                new ActivityBucket(FROM.plusHours(23), 0, 4)));

    assertThat(counts).hasNumberOfRows(24);
    assertThat(counts[0]).containsExactly(0, 0);
    assertThat(counts[2]).containsExactly(7, 1);
    assertThat(counts[23]).containsExactly(0, 4);
  }

  @Test
  void bucketsOutsideTheChartAreLeftOut() {
    long[][] counts = chart.counts(List.of(new ActivityBucket(FROM.minusHours(1), 9, 9)));

    assertThat(java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).sum())
        .isZero();
  }

  @Test
  void eachPeriodIsABarWithItsFiguresInATooltip() {
    String svg =
        chart.svg(
            List.of(
                new ActivityBucket(FROM.plusHours(2), 7, 1),
                new ActivityBucket(FROM.plusHours(5), 3, 0)));

    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(count(svg, "class='success'")).isEqualTo(2);
    assertThat(count(svg, "class='failure'")).isEqualTo(1);
    assertThat(svg).contains("<title>02:00: 7 succeeded, 1 failed</title>");
    assertThat(count(svg, "<title>")).isEqualTo(24);
  }

  @Test
  void theScaleIsRoundAndAboveTheHighestBar() {
    String svg = chart.svg(List.of(new ActivityBucket(FROM, 37, 0)));

    assertThat(svg).contains(">40</text>").contains(">20</text>").doesNotContain(">37<");
  }

  @Test
  void daysAreLabelledByDateAndHoursByTime() {
    ActivityChart week = new ActivityChart(FROM, Duration.ofDays(1), 7);

    assertThat(week.svg(List.of())).contains(">Nov 27</text>");
    assertThat(chart.svg(List.of())).contains(">00:00</text>");
  }

  @Test
  void niceCeilingsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(ActivityChart.niceCeiling(1)).isEqualTo(1);
    assertThat(ActivityChart.niceCeiling(3)).isEqualTo(5);
    assertThat(ActivityChart.niceCeiling(11)).isEqualTo(20);
    assertThat(ActivityChart.niceCeiling(5_001)).isEqualTo(10_000);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
