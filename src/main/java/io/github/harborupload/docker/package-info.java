/**
 * The Docker engine, spoken to the way the docker CLI does: where it is, its images, login checks,
 * tags, pushes as a stream of {@link io.github.harborupload.docker.PushEvent}s, and an image's
 * details and {@code docker save} stream for the project's own pusher. The way in is
 * {@link io.github.harborupload.docker.DockerEngine}. The only package that uses docker-java.
 */
package io.github.harborupload.docker;
