package org.peergrid.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Work started beside the caller gives its result, and its exception as the caller would have had it. */
class BesideTest {
  @Test
  void theResultComesFromAnotherThread() {
    Thread caller = Thread.currentThread();
    Supplier<Thread> ranOn = Beside.start("test", Thread::currentThread);
    assertThat(ranOn.get()).isNotSameAs(caller);
    assertThat(ranOn.get().getName()).isEqualTo("test");
  }

  @Test
  void anExceptionIsThrownAsItWas() {
    Supplier<Object> failing = Beside.start("test", () -> {
      throw new IllegalArgumentException("no building B7");
    });
    assertThatThrownBy(failing::get).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no building B7");
  }

  @Test
  void aCheckedExceptionIsWrapped() {
    Supplier<Object> failing = Beside.start("test", () -> {
      throw new IOException("disk");
    });
    assertThatThrownBy(failing::get).isInstanceOf(IllegalStateException.class).hasMessage("test failed")
        .hasCauseInstanceOf(IOException.class);
  }
}
