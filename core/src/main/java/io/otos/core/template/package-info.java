/**
 * Device templates: the "one type" of One Type One Secret. A template owns one secret, stored only
 * as its keyed hash and shown in plain text once, when the template is created. No two templates
 * share a secret, so a secret names exactly one template.
 */
package io.otos.core.template;
