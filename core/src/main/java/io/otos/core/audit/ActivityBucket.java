package io.otos.core.audit;

import java.time.OffsetDateTime;

/** How many auth attempts succeeded and failed in the period that starts at {@code start}. */
public record ActivityBucket(OffsetDateTime start, long successes, long failures) {}
