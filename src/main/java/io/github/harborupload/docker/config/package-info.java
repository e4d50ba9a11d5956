/**
 * The docker CLI's config folder, read and written the way the CLI does: {@code config.json}
 * (registry logins, the credential helpers to use, the current context), the
 * {@code docker-credential-*} helpers, and the contexts that say where the engine is. Independent
 * of docker-java, so a login stored here is one that {@code docker} itself finds.
 */
package io.github.harborupload.docker.config;
