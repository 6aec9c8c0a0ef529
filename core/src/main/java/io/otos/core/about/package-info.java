/** What the service says about itself: its name and version. */
package io.otos.core.about;
