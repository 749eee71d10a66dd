package org.peergrid.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code SEQ:HASH} read back as written, and every malformed anchor refused with how to write it. */
class LedgerAnchorTest {
  private static final String HASH = "0123456789abcdef".repeat(4);

  @Test
  void anAnchorIsReadAsWrittenWithItsHashInLowerCase() {
    LedgerAnchor a = LedgerAnchor.parse(" 42 : " + HASH.toUpperCase() + "\n");
    assertThat(a.seq()).isEqualTo(42);
    assertThat(a.entryHash()).isEqualTo(HASH);
    assertThat(a).hasToString("42:" + HASH);
    assertThat(LedgerAnchor.parse(a.toString())).isEqualTo(a);
  }

  @Test
  void malformedAnchorsSayWhatIsWrongAndHowToWriteOne() {
    assertThatThrownBy(() -> LedgerAnchor.parse(HASH)).hasMessageStartingWith("there is no ':'")
        .hasMessageEndingWith(LedgerAnchor.HOW_TO_WRITE);
    assertThatThrownBy(() -> LedgerAnchor.parse("x7:" + HASH)).hasMessageStartingWith("'x7' before ':' is not a seq");
    assertThatThrownBy(() -> LedgerAnchor.parse("0:" + HASH)).hasMessageContaining("seq 0 is an empty ledger");
    assertThatThrownBy(() -> LedgerAnchor.parse("-3:" + HASH)).hasMessageStartingWith("the seq -3 is not an entry");
    assertThatThrownBy(() -> LedgerAnchor.parse("7:" + HASH.substring(1))).hasMessageStartingWith(
        "the hash has 63 characters, not the 64");
    assertThatThrownBy(() -> LedgerAnchor.parse("7:")).hasMessageStartingWith("the hash has 0 characters");
    assertThatThrownBy(() -> LedgerAnchor.parse("7:" + HASH.substring(1) + "g"))
        .hasMessageStartingWith("the hash has 'g', which is not a hexadecimal digit")
        .isInstanceOf(IllegalArgumentException.class);
  }
}
