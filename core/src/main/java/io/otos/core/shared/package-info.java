/**
 * Building blocks every feature uses: the {@link io.otos.core.shared.DomainException} that carries
 * a refusal with a stable code, neutral paging, text checks and the clock. Nothing here knows a
 * feature.
 */
package io.otos.core.shared;
