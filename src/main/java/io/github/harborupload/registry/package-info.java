/**
 * The registry protocol (OCI distribution-spec v1.1) spoken by the project's own pusher, without the
 * engine: Basic and Bearer token auth as docker does, HEAD, cross-repository mount, manifests, and
 * the chunked upload of one blob that survives gateways (a body limit, a read timeout shorter than
 * the registry's commit, cuts) — see {@link io.github.harborupload.registry.BlobUploader}.
 *
 * <p>{@link io.github.harborupload.registry.ConnectionFailure} tells apart why an HTTP call got no
 * answer, for this client and for the Harbor and platform clients above it.
 *
 * <p>java.net.http only. Messages are technical English; the problems layer names them. No password
 * or token ever appears in a message, a {@code toString} or the upload state kept for a resume.
 */
package io.github.harborupload.registry;
