package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

class ActualsCsvTest {
  private static final String HEADER = "interval,participant,load_kw,pv_kw,wind_kw\n";
  @TempDir Path dir;
  private Scenario forecast;

  @BeforeEach
  void load() {
    forecast = RealtimeScenarios.load(dir, "toy.yaml", RealtimeScenarios.TOY);
  }

  private Scenario read(String text) throws IOException {
    Path file = dir.resolve("actuals.csv");
    Files.writeString(file, text);
    return ActualsCsv.read(file, forecast);
  }

  private String file() {
    return dir.resolve("actuals.csv").toString();
  }

  private static Building building(Scenario s, String id) {
    return s.buildings().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aMissingRowOrAnEmptyCellIsAsForecast() throws IOException {
    Scenario actual = read(HEADER + "1,B2,130,,\n3,B3,55,0,40\n");
    Building b2 = building(actual, "B2");
    assertThat(b2.loadKw().values()).containsExactly(80, 130, 150, 90);
    assertThat(b2.pvKw().values()).containsExactly(0, 60, 90, 10);
    Building b3 = building(actual, "B3");
    assertThat(b3.loadKw().values()).containsExactly(60, 70, 90, 55);
    assertThat(b3.windKw().values()).containsExactly(20, 30, 10, 40);
    assertThat(ActualDay.asForecast(forecast, actual, 0)).isTrue();
    assertThat(ActualDay.asForecast(forecast, actual, 1)).isFalse();
  }

  @Test
  void errorsNameTheFileTheLineAndTheColumn() {
    assertThatThrownBy(() -> read("interval,participant,load,pv_kw,wind_kw\n"))
        .hasMessage(file() + ":1: the header must be interval,participant,load_kw,pv_kw,wind_kw, got "
            + "interval,participant,load,pv_kw,wind_kw");
    assertThatThrownBy(() -> read(HEADER + "0,B2,1,2,3\n4,B2,1,2,3\n"))
        .hasMessage(file() + ":3: column interval: \"4\" is not an interval of the day; use a whole number from 0 to 3");
    assertThatThrownBy(() -> read(HEADER + "x,B2,1,2,3\n")).hasMessageContaining(":2: column interval: \"x\"");
    assertThatThrownBy(() -> read(HEADER + "0,B9,1,2,3\n"))
        .hasMessage(file() + ":2: column participant: \"B9\" is not a building of scenario rt-toy; its buildings are "
            + "B2, B3");
    assertThatThrownBy(() -> read(HEADER + "0,G3,1,2,3\n"))
        .hasMessage(file() + ":2: column participant: G3 is a generator; actuals are given for buildings only");
    assertThatThrownBy(() -> read(HEADER + "0,B2,1,2,3\n\n0,B3,1,lots,3\n"))
        .hasMessage(file() + ":4: column pv_kw: \"lots\" is not a number (kW); leave the cell empty to keep the forecast");
    assertThatThrownBy(() -> read(HEADER + "2,B3,1,2,-3\n"))
        .hasMessage(file() + ":2: column wind_kw: -3 must be a finite number ≥ 0 (kW)");
    assertThatThrownBy(() -> read(HEADER + "2,B3,1,2,3\n2,B3,4,5,6\n"))
        .hasMessage(file() + ":3: interval 2 of B3 is given twice (first on line 2); keep one row");
    assertThatThrownBy(() -> read(HEADER + "2,B3,1,2\n"))
        .hasMessage(file() + ":2: expected 5 values (interval,participant,load_kw,pv_kw,wind_kw), got 4");
    assertThatThrownBy(() -> ActualsCsv.read(dir.resolve("none.csv"), forecast))
        .hasMessage(dir.resolve("none.csv") + ": the actuals file does not exist");
  }
}
