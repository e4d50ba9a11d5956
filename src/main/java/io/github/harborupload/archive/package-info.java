/**
 * An image as {@code docker save} writes it, read once, in order, from a stream: both the docker
 * 20.10 shape ({@code manifest.json}, {@code <config>.json}, {@code <id>/layer.tar}) and the OCI
 * image layout of Docker 25+ (containerd image store) and Podman ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/<hex>}). Layers are handed to a {@link
 * io.github.harborupload.archive.LayerSink} as they stream; small JSON entries are kept; at the end
 * the config and every layer are checked against their digests. The way in is {@link
 * io.github.harborupload.archive.ImageArchiveReader}. Knows nothing of Docker's API: the stream may
 * come from the engine or a file.
 */
package io.github.harborupload.archive;
