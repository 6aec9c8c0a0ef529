package io.otos.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class CountersTest {

  /** What the registry was asked for: a name and its tags, one entry a call. */
  private final List<String> asked = new ArrayList<>();

  private final MetricRegistry registry =
      (MetricRegistry)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {MetricRegistry.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("counter")
                    || !(args[0] instanceof String name)
                    || !(args[1] instanceof Tag[] tags)) {
                  throw new UnsupportedOperationException(method.toString());
                }
                asked.add(name + Arrays.toString(tags));
                return counter();
              });

  private final Counters counters = new Counters(registry);

  @Test
  void asksTheRegistryOnceForEachNameAndTags() {
    Counter first =
        counters.of("otos_auth_attempts", "outcome", "SUCCESS", "reason", "PROVISIONED");
    Counter again =
        counters.of("otos_auth_attempts", "outcome", "SUCCESS", "reason", "PROVISIONED");
    Counter other = counters.of("otos_auth_attempts", "outcome", "SUCCESS", "reason", "REISSUED");
    Counter untagged = counters.of("otos_vouchers_issued");

    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(untagged).isNotSameAs(first).isNotSameAs(other);
    assertThat(asked)
        .containsExactly(
            "otos_auth_attempts[Tag{outcome=SUCCESS}, Tag{reason=PROVISIONED}]",
            "otos_auth_attempts[Tag{outcome=SUCCESS}, Tag{reason=REISSUED}]",
            "otos_vouchers_issued[]");
  }

  @Test
  void sameTagsUnderAnotherNameAreAnotherCounter() {
    Counter devices = counters.of("otos_auth_throttled", "limit", "address");
    Counter console = counters.of("otos_console_sign_ins_throttled", "limit", "address");

    assertThat(console).isNotSameAs(devices);
    assertThat(counters.of("otos_auth_throttled", "limit", "address")).isSameAs(devices);
    assertThat(asked).hasSize(2);
  }

  @Test
  void refusesATagWithoutAValue() {
    assertThatThrownBy(() -> counters.of("otos_auth_throttled", "limit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pairs");
    assertThat(asked).isEmpty();
  }

  private static Counter counter() {
    return (Counter)
        Proxy.newProxyInstance(
            CountersTest.class.getClassLoader(),
            new Class<?>[] {Counter.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "counter";
                  default -> throw new UnsupportedOperationException(method.toString());
                });
  }
}
