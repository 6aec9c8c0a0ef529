package io.otos.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otos.core.shared.DomainException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private final UUID template = UUID.randomUUID();

  @Test
  void aFirstSeenDeviceIsActiveUnderItsTemplate() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-1"), template);
    assertThat(device.templateId()).isEqualTo(template);
    assertThat(device.number().value()).isEqualTo("IMEI-1");
    assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    assertThat(device.lastAuthAt()).isEmpty();
  }

  @Test
  void authenticationUpdatesNameProductAndPlaceUnderAParent() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-2"), template);
    UUID product = UUID.randomUUID();
    UUID parent = UUID.randomUUID();

    device.authenticated(
        template,
        Optional.of("Kitchen"),
        Optional.of(product),
        Optional.of(new Device.ParentLink(parent, "3")));

    assertThat(device.name()).contains("Kitchen");
    assertThat(device.productId()).contains(product);
    assertThat(device.parentDeviceId()).contains(parent);
    assertThat(device.subDeviceAddr()).contains("3");
    assertThat(device.lastAuthAt()).isPresent();
  }

  @Test
  void whatTheDeviceDoesNotSayAgainIsKept() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-3"), template);
    UUID product = UUID.randomUUID();
    device.authenticated(template, Optional.of("Hall"), Optional.of(product), Optional.empty());

    device.authenticated(template, Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(device.name()).contains("Hall");
    assertThat(device.productId()).contains(product);
  }

  @Test
  void aDeviceBelongsToOneTemplateForLife() {
    Device device = Device.firstSeen(new DeviceNumber("IMEI-4"), template);
    assertThatThrownBy(
            () ->
                device.authenticated(
                    UUID.randomUUID(), Optional.empty(), Optional.empty(), Optional.empty()))
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
            () -> device.authenticated(template, Optional.empty(), Optional.empty(), self))
        .hasMessageContaining("parent_device_number");
  }

  @Test
  void likePrefixesEscapeWildcards() {
    assertThat(DeviceRepository.likePrefix("a%b_c\\")).isEqualTo("a\\%b\\_c\\\\%");
  }
}
