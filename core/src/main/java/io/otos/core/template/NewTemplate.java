package io.otos.core.template;

/** A template just created, with its secret in plain text: the only time the secret is shown. */
public record NewTemplate(DeviceTemplate template, TemplateSecret secret) {}
