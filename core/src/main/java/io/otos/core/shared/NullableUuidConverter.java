package io.otos.core.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column as it is. EclipseLink 4.0's own UUID mapping fails on a
 * {@code NULL} (a NullPointerException while reading the row), so nullable UUID attributes name
 * this converter.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(Object column) {
    if (column == null || column instanceof UUID) {
      return (UUID) column;
    }
    return UUID.fromString(column.toString());
  }
}
