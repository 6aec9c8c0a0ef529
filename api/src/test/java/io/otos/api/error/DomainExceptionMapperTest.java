package io.otos.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.otos.core.shared.DomainException.Kind;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {

  @Test
  void eachKindOfRefusalHasItsStatus() {
    assertThat(DomainExceptionMapper.status(Kind.INVALID)).isEqualTo(400);
    assertThat(DomainExceptionMapper.status(Kind.UNAUTHENTICATED)).isEqualTo(401);
    assertThat(DomainExceptionMapper.status(Kind.FORBIDDEN)).isEqualTo(403);
    assertThat(DomainExceptionMapper.status(Kind.NOT_FOUND)).isEqualTo(404);
    assertThat(DomainExceptionMapper.status(Kind.CONFLICT)).isEqualTo(409);
    assertThat(DomainExceptionMapper.status(Kind.UNAVAILABLE)).isEqualTo(503);
  }
}
