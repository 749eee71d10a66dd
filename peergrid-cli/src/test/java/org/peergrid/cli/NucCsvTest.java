package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.peergrid.market.nuc.Trade;

/** trades.csv of p2p-nuc: unchanged bytes for plain ids, quoted fields where an id needs them. */
class NucCsvTest {
  @Test
  void plainIdsAreWrittenUnquotedOneTradeALine() {
    // charge per kWh 0.5 + 0.25 and charge 2 * 0.75 are exact in binary, so the expected text is written by hand
    String text = NucCsv.trades(List.of(
        new Trade(3, "pv_1", Trade.GRID, 4, 0, 2.0, 0.5, 0.5, 0.25),
        new Trade(4, "grid", "h-2", 0, 7, 1.25, 1.0, 0.125, 0.0)));
    assertThat(text).isEqualTo(
        "interval,seller,buyer,kwh,weight,loss_charge_per_kwh,surcharge_per_kwh,charge_per_kwh,charge\n"
            + "3,pv_1,grid,2,0.5,0.5,0.25,0.75,1.5\n"
            + "4,grid,h-2,1.25,1,0.125,0,0.125,0.15625\n");
  }

  @Test
  void idsWithACommaAQuoteOrALineBreakRoundTripThroughACsvParser() throws IOException {
    List<String> sellers = List.of("roof, north", "the \"big\" one", "two\nlines");
    List<Trade> trades = sellers.stream().map(s -> new Trade(1, s, "buyer,b", 2, 3, 1.0, 1.0, 0.5, 0.0)).toList();

    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(NucCsv.trades(trades))).getRecords();

    assertThat(rows).hasSize(sellers.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).get("seller")).isEqualTo(sellers.get(i));
      assertThat(rows.get(i).get("buyer")).isEqualTo("buyer,b");
      assertThat(rows.get(i).get("charge")).isEqualTo("0.5");
      assertThat(rows.get(i).size()).isEqualTo(NucCsv.TRADES.length);
    }
  }
}
