package io.otos.api.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks management resources that record their own, more telling admin-action entries, so that
 * {@link AdminWriteAudit} does not record their requests a second time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditsItself {}
