package io.github.harborupload.archive;

/** Which layout the archive had; said so a problem's details and a log can tell. */
public enum ArchiveShape {
    /**
     * docker 20.10's {@code docker save}: {@code manifest.json}, {@code <config-hex>.json},
     * {@code <id>/layer.tar}, {@code repositories}. Also what Docker 25+ lists in its
     * {@code manifest.json}, though there the paths are OCI blobs.
     */
    DOCKER_MANIFEST,
    /** The OCI image layout only ({@code oci-layout}, {@code index.json}, {@code blobs/}), no manifest.json. */
    OCI_LAYOUT
}
