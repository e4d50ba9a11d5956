/**
 * The GPU platform's REST API (raids-lab/crater backend): sign in, the Harbor address, Harbor
 * credentials, the quota, importing an image link and confirming it was saved, listing the user's
 * images, checking links. {@link io.github.harborupload.platform.PlatformClient} signs in;
 * {@link io.github.harborupload.platform.PlatformSession} makes the calls that need a session.
 * Every failure is a {@link io.github.harborupload.platform.PlatformException} that the problems
 * package turns into advice.
 */
package io.github.harborupload.platform;
