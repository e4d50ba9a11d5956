/**
 * Harbor's v2.0 REST API, for checks before a push: do these credentials work, how much of the
 * project's quota is left, does this tag exist already. A registry without Harbor's API (a plain
 * registry) is not an error: the checks answer "skipped" ({@link io.github.harborupload.harbor.HarborCheck}).
 *
 * <p>{@link io.github.harborupload.harbor.BoundedExchange} is the HTTP plumbing this client shares
 * with the platform client one layer up: answers read up to a limit, whole-call time limits; network
 * failures are told apart by {@link io.github.harborupload.registry.ConnectionFailure}, as the
 * registry client does.
 */
package io.github.harborupload.harbor;
