package io.otos.core.allowlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an allowlist file (also the list of a device-keys request): one device per line, its number
 * in the first column and, optionally, its name in the second. Columns are separated by commas and
 * may be quoted ({@code "a, b"}, {@code ""} for a quote); a first line whose first column is {@code
 * device_number} is a header; blank lines are skipped.
 */
public final class AllowlistCsv {

  static final int MAX_LINES = 1_000_000;

  private AllowlistCsv() {}

  /** The entries of the file, and the lines that cannot be read as one. */
  public record Parsed(List<AllowlistEntry> entries, List<AllowlistProblem> problems) {}

  public static Parsed parse(Reader csv) {
    List<AllowlistEntry> entries = new ArrayList<>();
    List<AllowlistProblem> problems = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(csv)) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (number > MAX_LINES) {
          problems.add(
              new AllowlistProblem(
                  number, "TOO_MANY_LINES", "a file may hold at most " + MAX_LINES + " lines"));
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          List<String> fields = fields(line);
          if (number == 1 && fields.get(0).equalsIgnoreCase("device_number")) {
            continue;
          }
          Optional<String> name =
              fields.size() > 1 && !fields.get(1).isEmpty()
                  ? Optional.of(fields.get(1))
                  : Optional.empty();
          entries.add(new AllowlistEntry(number, fields.get(0), name));
        } catch (IllegalArgumentException e) {
          problems.add(new AllowlistProblem(number, "CSV_MALFORMED", e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Parsed(entries, problems);
  }

  /** The line's columns; unquoted ones without surrounding white space. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (!wasQuoted || !Character.isWhitespace(c)) {
        if (wasQuoted) {
          throw new IllegalArgumentException("text after a closing quote");
        }
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted column is not closed");
    }
    fields.add(wasQuoted ? field.toString() : field.toString().strip());
    return fields;
  }
}
