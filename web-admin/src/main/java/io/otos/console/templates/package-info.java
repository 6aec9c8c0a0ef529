/**
 * The template pages: templates with their secrets (shown once) and policies, their product keys
 * and their allowlists.
 */
package io.otos.console.templates;
