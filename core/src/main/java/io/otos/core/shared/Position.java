package io.otos.core.shared;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a reader of a newest-first list (attempts, actions, vouchers) stopped: the time and id of
 * the last row it read. The next read starts right after it, however long the list, without
 * counting or skipping the rows before (keyset paging).
 */
public record Position(OffsetDateTime at, UUID id) {}
