package io.otos.console.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV (RFC 4180) for spreadsheets: fields with commas, quotes or line breaks are quoted, and
 * a field that a spreadsheet would run as a formula ({@link #runsAsFormula}) is prefixed with an
 * apostrophe, since device numbers and names come from devices.
 */
public final class CsvFile {

  private final Writer out;

  public CsvFile(Writer out) {
    this.out = out;
  }

  public CsvFile row(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(fields.get(i)));
      }
      out.write("\r\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a spreadsheet could take the cell for a formula: its first character, or its first one
   * after spaces, is {@code = + - @} (also in their full-width forms), a tab or a carriage return.
   */
  static boolean runsAsFormula(String value) {
    if ("\t\r".indexOf(value.charAt(0)) >= 0) {
      return true;
    }
    String start = value.stripLeading();
    return !start.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(start.charAt(0)) >= 0;
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = runsAsFormula(value) ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
