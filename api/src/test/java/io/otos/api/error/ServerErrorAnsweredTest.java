package io.otos.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorAnsweredTest {

  @Test
  void theDeviceApiIsToldApartFromTheRestOfTheApi() {
    assertThat(ServerErrorAnswered.endpointOf("v1/device/auth"))
        .isEqualTo(ServerErrorAnswered.DEVICE_AUTH);
    assertThat(ServerErrorAnswered.endpointOf("v1/admin/templates"))
        .isEqualTo(ServerErrorAnswered.ADMIN);
    assertThat(ServerErrorAnswered.endpointOf("v1/device/auth/more"))
        .isEqualTo(ServerErrorAnswered.ADMIN);
    assertThat(ServerErrorAnswered.ENDPOINTS)
        .containsExactly(ServerErrorAnswered.DEVICE_AUTH, ServerErrorAnswered.ADMIN);
  }
}
