/**
 * The progress of a push, as the user sees it: per layer and overall, with speed, time left and
 * the signs of a push in trouble (retrying again and again, no progress for a while). Fed by the
 * engine's {@link io.github.harborupload.docker.PushEvent}s, read through immutable snapshots.
 */
package io.github.harborupload.push;
