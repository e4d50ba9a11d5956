/** User settings (no secrets), stored as JSON in the per-user config folder. */
package io.github.harborupload.settings;
