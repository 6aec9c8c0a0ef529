package io.otos.core.template;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an admin changes on a template; an empty field is left as it is. {@code maxDevices} holds an
 * empty {@link OptionalInt} to remove the cap.
 */
public record TemplateChanges(
    Optional<String> name,
    Optional<Boolean> enabled,
    Optional<RegistrationMode> registrationMode,
    Optional<OptionalInt> maxDevices,
    Optional<ReauthPolicy> reauthPolicy,
    Optional<Boolean> plaintextAllowed) {}
