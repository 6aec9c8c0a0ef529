package io.otos.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.Clocks;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTemplateTest {

  private static final byte[] FIRST = {1, 1, 1};
  private static final byte[] SECOND = {2, 2, 2};
  private static final byte[] THIRD = {3, 3, 3};

  @Test
  void aNewTemplateIsEnabledOpenToAnyNumberUncappedAndReissues() {
    DeviceTemplate template = plug();
    assertThat(template.isEnabled()).isTrue();
    assertThat(template.registrationMode()).isEqualTo(RegistrationMode.AUTO);
    assertThat(template.maxDevices()).isEmpty();
    assertThat(template.reauthPolicy()).isEqualTo(ReauthPolicy.REISSUE);
    assertThat(template.secretWithHash(FIRST)).contains(SecretUsed.CURRENT);
    assertThat(template.secretWithHash(SECOND)).isEmpty();
  }

  @Test
  void changesApplyOnlyToWhatIsGiven() {
    DeviceTemplate template = plug();
    template.change(
        new TemplateChanges(
            Optional.empty(),
            Optional.of(false),
            Optional.of(RegistrationMode.ALLOWLIST),
            Optional.of(OptionalInt.of(10)),
            Optional.empty(),
            Optional.of(false)));
    assertThat(template.name()).isEqualTo("Plug");
    assertThat(template.plaintextAllowed()).isFalse();
    assertThat(template.isEnabled()).isFalse();
    assertThat(template.registrationMode()).isEqualTo(RegistrationMode.ALLOWLIST);
    assertThat(template.maxDevices()).hasValue(10);

    template.change(
        new TemplateChanges(
            Optional.of("Plug v2"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(OptionalInt.empty()),
            Optional.of(ReauthPolicy.REJECT),
            Optional.empty()));
    assertThat(template.name()).isEqualTo("Plug v2");
    assertThat(template.maxDevices()).isEmpty();
    assertThat(template.reauthPolicy()).isEqualTo(ReauthPolicy.REJECT);
    assertThatThrownBy(
            () ->
                template.change(
                    new TemplateChanges(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(OptionalInt.of(-1)),
                        Optional.empty(),
                        Optional.empty())))
        .hasMessageContaining("max_devices");
  }

  @Test
  void aRotatedSecretStaysValidUntilItsGraceDeadline() {
    DeviceTemplate template = plug();
    template.rotateSecret(stored(SECOND), Clocks.now().plusSeconds(60));

    assertThat(template.secretWithHash(SECOND)).contains(SecretUsed.CURRENT);
    assertThat(template.secretWithHash(FIRST)).contains(SecretUsed.PREVIOUS);
    assertThat(new SecretMatch(template, SecretUsed.PREVIOUS).validAt(Clocks.now())).isTrue();
    assertThat(new SecretMatch(template, SecretUsed.PREVIOUS).validAt(Clocks.now().plusSeconds(61)))
        .isFalse();
    assertThat(template.previousSecretExpiresAt()).isPresent();
  }

  @Test
  void withoutGraceTheOldSecretStopsAtOnceAndOnlyOnePreviousSecretIsKept() {
    DeviceTemplate template = plug();
    template.rotateSecret(stored(SECOND), Clocks.now().plusSeconds(60));
    template.rotateSecret(stored(THIRD), Clocks.now().plusSeconds(60));
    assertThat(template.secretWithHash(FIRST)).isEmpty();
    assertThat(template.secretWithHash(SECOND)).contains(SecretUsed.PREVIOUS);

    template.rotateSecret(stored(FIRST), Clocks.now());
    assertThat(template.secretWithHash(THIRD)).isEmpty();
    assertThat(template.secretWithHash(FIRST)).contains(SecretUsed.CURRENT);
    assertThat(template.previousSecretExpiresAt()).isEmpty();
  }

  private static DeviceTemplate plug() {
    return new DeviceTemplate(UUID.randomUUID(), "Plug", stored(FIRST));
  }

  private static StoredSecret stored(byte[] hash) {
    return new StoredSecret(hash, sealed(hash));
  }

  private static byte[] sealed(byte[] hash) {
    byte[] sealed = hash.clone();
    sealed[0] += 100;
    return sealed;
  }
}
