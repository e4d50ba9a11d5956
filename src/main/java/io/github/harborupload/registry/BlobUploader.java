package io.github.harborupload.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The upload of one blob in chunks, made to survive what stands between the user and Harbor
 * (registry-push.md): {@code POST} a session, {@code PATCH} chunks in order with
 * {@code Content-Range} and {@code Content-Length} (never chunked transfer encoding, which
 * gateways buffer), following each answer's {@code Location}; then {@code PUT ?digest=}.
 * <ul>
 * <li>a 413 halves the chunk size ({@link RegistryClient#chunkSize()}, kept for the whole push);
 * <li>after a failed chunk it asks the session's status and continues from the registry's
 *     {@code Range}, or starts a new session from byte 0 when the registry refuses
 *     (distribution 2.8 after a cut inside a chunk);
 * <li>a 401 renews the token and sends the same chunk again; denied and quota fail at once;
 * <li>after a commit that failed or got no answer, it asks with HEAD, polling, whether the blob is
 *     there before sending anything again.
 * </ul>
 * The source may still be growing: chunks are sent as its bytes arrive.
 *
 * <p>One uploader per blob and thread. {@link #session()} tells where the open session stands, for
 * a resume after a restart ({@link #resuming}).
 */
public final class BlobUploader {

    private final RegistryClient client;
    private volatile UploadSession session;

    /** An upload that starts with a new session. */
    public BlobUploader(RegistryClient client) {
        this(client, null);
    }

    private BlobUploader(RegistryClient client, UploadSession saved) {
        this.client = Objects.requireNonNull(client, "client");
        this.session = saved;
    }

    /**
     * An upload that first asks the registry about a session saved before (a restart, a pause):
     * continues from the registry's {@code Range} when it still holds the session, else starts a new one.
     */
    public static BlobUploader resuming(RegistryClient client, UploadSession saved) {
        return new BlobUploader(client, Objects.requireNonNull(saved, "saved"));
    }

    /**
     * Uploads the whole blob and commits it.
     *
     * @return the blob as the registry holds it: the source's digest and size
     * @throws RegistryException    when the registry or the network failed past the retries, or refused for good
     * @throws java.io.IOException  when the source failed
     * @throws InterruptedException when the thread was interrupted (a pause or cancel); {@link #session()} stays usable
     */
    public UploadedBlob upload(BlobSource source, UploadListener listener)
            throws RegistryException, java.io.IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The open session and the bytes the registry acknowledged, while there is one; empty before and after. */
    public Optional<UploadSession> session() {
        return Optional.ofNullable(session);
    }
}
