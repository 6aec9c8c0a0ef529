package io.otos.core.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowlistCsvTest {

  @Test
  void readsNumbersAndOptionalNamesSkippingHeaderAndBlankLines() {
    var parsed =
        AllowlistCsv.parse(
            new StringReader(
                "\uFEFFdevice_number,device_name\nAA:01\n\n  AA:02 , Hall lamp \n\"AA,03\",\"Say \"\"hi\"\"\"\n"));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.entries())
        .containsExactly(
            new AllowlistEntry(2, "AA:01", Optional.empty()),
            new AllowlistEntry(4, "AA:02", Optional.of("Hall lamp")),
            new AllowlistEntry(5, "AA,03", Optional.of("Say \"hi\"")));
  }

  @Test
  void aFirstLineThatIsNoHeaderIsANumber() {
    var parsed = AllowlistCsv.parse(new StringReader("IMEI-1\r\nIMEI-2"));
    assertThat(parsed.entries())
        .extracting(AllowlistEntry::deviceNumber)
        .containsExactly("IMEI-1", "IMEI-2");
  }

  @Test
  void malformedQuotingIsReportedWithItsLine() {
    var parsed = AllowlistCsv.parse(new StringReader("ok-1\n\"open\nok-2\n\"closed\"x\n"));
    assertThat(parsed.problems()).extracting(AllowlistProblem::line).containsExactly(2, 4);
    assertThat(parsed.problems()).extracting(AllowlistProblem::error).containsOnly("CSV_MALFORMED");
    assertThat(parsed.entries())
        .extracting(AllowlistEntry::deviceNumber)
        .containsExactly("ok-1", "ok-2");
  }

  @Test
  void fieldsSplitOnCommasOutsideQuotes() {
    assertThat(AllowlistCsv.fields("a, b ,\"c,d\"")).isEqualTo(List.of("a", "b", "c,d"));
    assertThat(AllowlistCsv.fields("")).isEqualTo(List.of(""));
  }
}
