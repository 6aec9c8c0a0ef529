package io.otos.console.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import io.otos.core.shared.DomainException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A download link that writes what a grid shows, with the filter it has when the link is clicked,
 * as CSV: in batches that each start after the last row of the one before (keyset paging), so that
 * a million rows cost a million index reads and never sit in memory at once. At most {@link
 * #MAX_ROWS} rows.
 */
public final class CsvExport {

  public static final int MAX_ROWS = 1_000_000;
  static final int BATCH = 1_000;

  private CsvExport() {}

  /**
   * @param reader called once per download, in the UI's session: captures the filter and returns
   *     what reads the batch after a row (from the newest when empty)
   */
  public static <T> Anchor link(
      String id,
      String fileName,
      List<String> header,
      Supplier<BiFunction<Optional<T>, Integer, List<T>>> reader,
      Function<T, List<String>> row) {
    StreamResource resource =
        new StreamResource(
            fileName,
            (out, session) -> {
              var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
              CsvFile csv = new CsvFile(writer).row(header);
              BiFunction<Optional<T>, Integer, List<T>> next;
              session.lock();
              try {
                next = reader.get();
              } catch (DomainException invalidFilter) {
                next = null;
              } finally {
                session.unlock();
              }
              int written = 0;
              Optional<T> last = Optional.empty();
              while (next != null && written < MAX_ROWS) {
                List<T> batch = next.apply(last, Math.min(BATCH, MAX_ROWS - written));
                batch.forEach(item -> csv.row(row.apply(item)));
                written += batch.size();
                if (batch.size() < BATCH) {
                  break;
                }
                last = Optional.of(batch.get(batch.size() - 1));
              }
              writer.flush();
            });
    resource.setContentType("text/csv; charset=utf-8");
    resource.setCacheTime(0);
    Anchor anchor = new Anchor(resource, "Export CSV");
    anchor.getElement().setAttribute("download", true);
    anchor.setId(id);
    return anchor;
  }
}
