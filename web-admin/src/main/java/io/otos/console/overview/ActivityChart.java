package io.otos.console.overview;

import io.otos.core.audit.ActivityBucket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws auth attempts over time as an SVG bar chart, drawn on the server (no chart library, no
 * frontend build): per period a green bar of successes with a red bar of failures on top, a scale
 * on the left and times below. Periods without attempts are drawn empty. Every bar carries a
 * tooltip with its figures.
 */
final class ActivityChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 280;
  private static final int LEFT = 56;
  private static final int BOTTOM = 36;
  private static final int TOP = 16;
  private static final String SUCCESS = "#2e7d32";
  private static final String FAILURE = "#c62828";

  private final OffsetDateTime from;
  private final Duration period;
  private final int periods;

  /**
   * A chart of {@code periods} periods of length {@code period}, the first starting at {@code
   * from}.
   */
  ActivityChart(OffsetDateTime from, Duration period, int periods) {
    this.from = from;
    this.period = period;
    this.periods = periods;
  }

  /** The counts per period, zero where the database had no row. */
  long[][] counts(List<ActivityBucket> buckets) {
    Map<Long, ActivityBucket> byStart = new HashMap<>();
    buckets.forEach(b -> byStart.put(b.start().toEpochSecond(), b));
    long[][] counts = new long[periods][2];
    for (int i = 0; i < periods; i++) {
      ActivityBucket bucket = byStart.get(start(i).toEpochSecond());
      if (bucket != null) {
        counts[i][0] = bucket.successes();
        counts[i][1] = bucket.failures();
      }
    }
    return counts;
  }

  String svg(List<ActivityBucket> buckets) {
    long[][] counts = counts(buckets);
    long max = 1;
    for (long[] c : counts) {
      max = Math.max(max, c[0] + c[1]);
    }
    long step = niceCeiling((max + 3) / 4);
    long scale = step * 4;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = (WIDTH - LEFT - 8) / (double) periods;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%'"
                + " role='img' aria-label='Auth attempts over time' font-family='sans-serif'"
                + " font-size='12'>",
            WIDTH,
            HEIGHT));
    for (int line = 0; line <= 4; line++) {
      double y = TOP + plotHeight - plotHeight * line / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>"
                  + "<text x='%d' y='%.1f' text-anchor='end' fill='#666'>%d</text>",
              LEFT,
              y,
              WIDTH - 8,
              y,
              LEFT - 6,
              y + 4,
              step * line));
    }
    int labelEvery = Math.max(1, periods / 8);
    for (int i = 0; i < periods; i++) {
      double x = LEFT + i * slot + slot * 0.15;
      double width = slot * 0.7;
      double ok = plotHeight * counts[i][0] / scale;
      double failed = plotHeight * counts[i][1] / scale;
      double base = TOP + plotHeight;
      svg.append("<g><title>")
          .append(label(start(i)))
          .append(": ")
          .append(counts[i][0])
          .append(" succeeded, ")
          .append(counts[i][1])
          .append(" failed</title>");
      bar(svg, x, base - ok, width, ok, SUCCESS, "success");
      bar(svg, x, base - ok - failed, width, failed, FAILURE, "failure");
      svg.append("</g>");
      if (i % labelEvery == 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x='%.1f' y='%d' text-anchor='middle' fill='#666'>%s</text>",
                x + width / 2,
                HEIGHT - BOTTOM + 18,
                label(start(i))));
      }
    }
    legend(svg);
    return svg.append("</svg>").toString();
  }

  private static void bar(
      StringBuilder svg,
      double x,
      double y,
      double width,
      double height,
      String color,
      String kind) {
    if (height > 0) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class='%s' x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'/>",
              kind,
              x,
              y,
              width,
              height,
              color));
    }
  }

  private static void legend(StringBuilder svg) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>"
                + "<text x='%d' y='%d' fill='#333'>succeeded</text>"
                + "<rect x='%d' y='%d' width='10' height='10' fill='%s'/>"
                + "<text x='%d' y='%d' fill='#333'>failed</text>",
            LEFT,
            HEIGHT - 12,
            SUCCESS,
            LEFT + 14,
            HEIGHT - 3,
            LEFT + 100,
            HEIGHT - 12,
            FAILURE,
            LEFT + 114,
            HEIGHT - 3));
  }

  private OffsetDateTime start(int i) {
    return from.plus(period.multipliedBy(i));
  }

  private String label(OffsetDateTime time) {
    String pattern = period.compareTo(Duration.ofDays(1)) >= 0 ? "MMM d" : "HH:mm";
    return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
        .format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The smallest of 1, 2, 5 × 10^n that is at least {@code max}, so the scale reads easily. */
  static long niceCeiling(long max) {
    long magnitude = 1;
    while (true) {
      for (long step : new long[] {1, 2, 5}) {
        if (step * magnitude >= max) {
          return step * magnitude;
        }
      }
      magnitude *= 10;
    }
  }
}
