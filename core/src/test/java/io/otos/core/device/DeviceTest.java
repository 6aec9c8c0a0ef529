package io.otos.core.device;

import static io.otos.core.template.ReauthPolicy.REISSUE;
import static io.otos.core.template.ReauthPolicy.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.Clocks;
import io.otos.core.shared.DomainException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private final UUID template = UUID.randomUUID();

  @Test
  void aFirstSeenDeviceIsRegisteredUnderItsTemplateUntilItProvisions() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-1"), template);
    assertThat(device.templateId()).isEqualTo(template);
    assertThat(device.number().value()).isEqualTo("IMEI-1");
    assertThat(device.status()).isEqualTo(DeviceStatus.REGISTERED);
    assertThat(device.isPreRegistered()).isFalse();
    assertThat(device.lastAuthAt()).isEmpty();

    provision(device, REJECT);

    assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    assertThat(device.lastAuthAt()).isPresent();
  }

  @Test
  void authenticationUpdatesNameProductAndPlaceUnderAParent() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-2"), template);
    UUID product = UUID.randomUUID();
    UUID parent = UUID.randomUUID();

    device.authenticated(
        template,
        REISSUE,
        Optional.of("Kitchen"),
        Optional.of(product),
        Optional.of(new Device.ParentLink(parent, "3")),
        Clocks.now());

    assertThat(device.name()).contains("Kitchen");
    assertThat(device.productId()).contains(product);
    assertThat(device.parentDeviceId()).contains(parent);
    assertThat(device.subDeviceAddr()).contains("3");
  }

  @Test
  void whatTheDeviceDoesNotSayAgainIsKept() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-3"), template);
    UUID product = UUID.randomUUID();
    device.authenticated(
        template,
        REISSUE,
        Optional.of("Hall"),
        Optional.of(product),
        Optional.empty(),
        Clocks.now());

    provision(device, REISSUE);

    assertThat(device.name()).contains("Hall");
    assertThat(device.productId()).contains(product);
  }

  @Test
  void aRepeatThatSaysNothingNewLeavesTheRegistrationAsItWasAndAnyNewFactChangesIt() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-4"), template);
    provision(device, REISSUE);
    Device.Registration provisioned = device.registration();

    provision(device, REISSUE);
    Device.Registration repeated = device.registration();
    device.authenticated(
        template, REISSUE, Optional.of("Attic"), Optional.empty(), Optional.empty(), Clocks.now());

    assertThat(repeated).isEqualTo(provisioned);
    assertThat(device.registration()).isNotEqualTo(provisioned);
    assertThat(device.registration().name()).contains("Attic");
  }

  @Test
  void aDeviceBelongsToOneTemplateForLife() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-4"), template);
    assertThatThrownBy(() -> device.checkMayProvision(UUID.randomUUID(), REISSUE))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("DEVICE_NUMBER_TAKEN");
              assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            });
  }

  @Test
  void aDeviceIsNeverItsOwnParent() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-5"), template);
    var self = Optional.of(new Device.ParentLink(device.id(), "1"));
    assertThatThrownBy(
            () ->
                device.authenticated(
                    template, REISSUE, Optional.empty(), Optional.empty(), self, Clocks.now()))
        .hasMessageContaining("parent_device_number");
  }

  @Test
  void underRejectAProvisionedDeviceProvisionsAgainOnlyAfterAReset() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-6"), template);
    provision(device, REJECT);

    assertRefused(() -> provision(device, REJECT), "DEVICE_ALREADY_PROVISIONED");
    device.reset();
    provision(device, REJECT);

    assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
  }

  @Test
  void aBlockedDeviceProvisionsUnderNoPolicyUntilUnblocked() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-7"), template);
    provision(device, REISSUE);

    device.block();

    assertThat(device.status()).isEqualTo(DeviceStatus.BLOCKED);
    assertRefused(() -> provision(device, REISSUE), "DEVICE_BLOCKED");
    assertRefused(device::reset, "DEVICE_BLOCKED");
    device.unblock();
    assertThat(device.status()).isEqualTo(DeviceStatus.REGISTERED);
    provision(device, REJECT);
    assertRefused(device::unblock, "DEVICE_NOT_BLOCKED");
  }

  @Test
  void likePrefixesEscapeWildcards() {
    assertThat(DeviceRepository.likePrefix("a%b_c\\")).isEqualTo("a\\%b\\_c\\\\%");
  }

  private void provision(Device device, io.otos.core.template.ReauthPolicy policy) {
    device.authenticated(
        template, policy, Optional.empty(), Optional.empty(), Optional.empty(), Clocks.now());
  }

  private static void assertRefused(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
