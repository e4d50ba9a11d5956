/**
 * Text for people: language choice and message bundles. Every other package keeps its own bundle
 * and hands out {@link io.github.harborupload.i18n.Text}; the faces render it.
 */
package io.github.harborupload.i18n;
