package io.otos.console.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

  @Test
  void plainFieldsAreWrittenAsTheyAreAndRowsEndInCrLf() {
    StringWriter out = new StringWriter();
    new CsvFile(out).row(List.of("a", "b")).row(List.of("", "c"));

    assertThat(out).hasToString("a,b\r\n,c\r\n");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(CsvFile.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvFile.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvFile.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void whatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(CsvFile.field("=HYPERLINK(\"x\")")).startsWith("\"'=");
    assertThat(CsvFile.field("+1")).isEqualTo("'+1");
    assertThat(CsvFile.field("-1")).isEqualTo("'-1");
    assertThat(CsvFile.field("@cmd")).isEqualTo("'@cmd");
    assertThat(CsvFile.field("  =1+1")).isEqualTo("'  =1+1");
    assertThat(CsvFile.field("\uFF1DSUM(A1)")).isEqualTo("'\uFF1DSUM(A1)");
    assertThat(CsvFile.field("\tx")).isEqualTo("'\tx");
    assertThat(CsvFile.field("AA:BB:CC")).isEqualTo("AA:BB:CC");
    assertThat(CsvFile.field("a-b")).isEqualTo("a-b");
  }
}
