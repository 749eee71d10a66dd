package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** {@link CsvText} writes what CSVPrinter (the report files' format) writes, byte for byte. */
class CsvTextTest {
  private static final CSVFormat REPORT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
  /** Every character that a quoting rule looks at, a few ordinary ones, and some beyond ASCII. */
  private static final String CHARS = "\"\",,\n\r\r\n#!  \t\0\u0001\u001f$-.09aZ_;|\\'é€\uD83D\uDE00";

  @Test
  void randomFieldsAreWrittenAsCsvPrinterWritesThem() throws IOException {
    Random random = new Random(20261206);
    for (int file = 0; file < 2_000; file++) {
      int columns = 1 + random.nextInt(5);
      String[] header = new String[columns];
      for (int c = 0; c < columns; c++) {
        header[c] = String.valueOf(field(random));
      }
      StringWriter expected = new StringWriter();
      CsvText actual = new CsvText(header);
      try (CSVPrinter printer = new CSVPrinter(expected, REPORT.builder().setHeader(header).get())) {
        int rows = random.nextInt(6);
        for (int r = 0; r < rows; r++) {
          List<Object> record = new ArrayList<>();
          int n = random.nextInt(6);
          for (int c = 0; c < n; c++) {
            record.add(field(random));
          }
          if (random.nextBoolean()) {
            printer.printRecord(record.toArray());
            actual.printRecord(record.toArray());
          } else {
            printer.printRecord(record);
            actual.printRecord(record);
          }
        }
      }
      assertThat(actual.toString()).isEqualTo(expected.toString());
    }
  }

  /** The kinds of values the report files hold, and strings of the characters that quoting depends on. */
  private static Object field(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return null;
      case 1:
        return "";
      case 2:
        return random.nextInt(2000) - 1000;
      case 3:
        return Numbers.plain(random.nextGaussian() * 1e3);
      case 4:
        return random.nextBoolean();
      case 5:
        return new StringBuilder("B").append(random.nextInt(100));
      default:
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(4);
        for (int i = 0; i < length; i++) {
          s.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return s.toString();
    }
  }
}
