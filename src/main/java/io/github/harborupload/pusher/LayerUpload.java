package io.github.harborupload.pusher;

import io.github.harborupload.push.LayerState;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.registry.BlobUploader;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.UploadListener;
import io.github.harborupload.registry.UploadSession;
import io.github.harborupload.registry.UploadedBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One layer on its way to the registry: the compressor fills its {@link SpooledBlob}, the uploader
 * sends what is there, chunk by chunk, while the rest is still being compressed. Reports to its row
 * of the progress model in the engine's terms: bytes of the uncompressed layer, so the bar and the
 * speed read as with {@code docker push}.
 */
final class LayerUpload implements UploadListener {

    private final String row;
    private final String entry;
    private final SpooledBlob spool;
    private final long uncompressedSize;
    private final PushProgress progress;
    private final PushState state;
    private final Optional<UploadSession> saved;
    private final Optional<Path> earlierBytes;
    private final CompletableFuture<BlobRef> done = new CompletableFuture<>();
    private volatile BlobUploader uploader;

    // Written by the compressor, read by the uploader: how the bytes sent translate to layer bytes.
    private volatile long uncompressedRead;
    private volatile long compressedWritten;
    private Future<?> task;

    /**
     * @param entry the layer's path in the export, its key in {@code state}
     * @param saved        the registry's session of a paused or killed push, asked for its status first
     * @param earlierBytes the partial spool that session was fed from, when this layer is compressed
     *                     again: the session is continued only if the new spool begins with these bytes
     */
    LayerUpload(String row, String entry, SpooledBlob spool, long uncompressedSize, PushProgress progress,
            PushState state, Optional<UploadSession> saved, Optional<Path> earlierBytes) {
        this.row = row;
        this.entry = entry;
        this.spool = spool;
        this.uncompressedSize = uncompressedSize;
        this.progress = progress;
        this.state = state;
        this.saved = saved;
        this.earlierBytes = earlierBytes;
    }

    String row() {
        return row;
    }

    SpooledBlob spool() {
        return spool;
    }

    CompletableFuture<BlobRef> done() {
        return done;
    }

    /** The compressor's progress: so much of the layer in, so much compressed out. */
    void compressed(long uncompressed, long compressed) {
        uncompressedRead = uncompressed;
        compressedWritten = compressed;
    }

    /** Starts sending on {@code uploads}; once only. */
    synchronized void start(RegistryClient client, ExecutorService uploads) {
        if (task != null) {
            return;
        }
        task = uploads.submit(() -> {
            try {
                BlobUploader sender = sender(client);
                uploader = sender;
                UploadedBlob blob = sender.upload(spool, this);
                if (blob.foundAfterFailedCommit()) {
                    progress.layerStoredAfterGatewayTimeout(blob.digest());
                }
                state.uploading(entry, Optional.empty());
                progress.layer(row, LayerState.PUSHED);
                done.complete(new BlobRef(blob.digest(), blob.size()));
            } catch (InterruptedException e) {
                done.cancel(false);
            } catch (Exception | Error e) {
                // A spool in memory makes its compressor wait for this upload: let it go.
                spool.stopReaders();
                done.completeExceptionally(e);
            }
        });
    }

    /** A new session, or the saved one as far as its bytes are proven to be this spool's. */
    private BlobUploader sender(RegistryClient client) throws IOException, InterruptedException {
        if (saved.isEmpty()) {
            return new BlobUploader(client);
        }
        if (earlierBytes.isEmpty()) {
            return BlobUploader.resuming(client, saved.get(), Long.MAX_VALUE);
        }
        long proven = spool.commonPrefix(earlierBytes.get());
        Files.deleteIfExists(earlierBytes.get());
        // Fewer bytes repeated than the registry confirmed: its session holds bytes of another stream.
        return proven < saved.get().offset() ? new BlobUploader(client)
                : BlobUploader.resuming(client, saved.get(), proven);
    }

    /** Stops the upload once the chunk in flight is sent; the session stays in the state. */
    void pause() {
        spool.stopReaders();
    }

    /** Waits until the upload's thread has stopped (or returns at once if it never started). */
    void awaitStopped() {
        Future<?> running;
        synchronized (this) {
            running = task;
        }
        if (running == null) {
            return;
        }
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException ended) {
            // It has stopped, which is all this waits for.
        }
    }

    /** Stops the upload, if it started. */
    synchronized void cancel() {
        if (task != null) {
            task.cancel(true);
        }
        done.cancel(false);
    }

    @Override
    public void bytesHeld(long bytes) {
        BlobUploader sender = uploader;
        if (sender != null) {
            state.uploading(entry, sender.session());
        }
        boolean everyByte = spool.isComplete() && bytes >= spool.size();
        progress.layerBytes(row, asLayerBytes(bytes), uncompressedSize);
        if (everyByte) {
            // Harbor now stores the layer: on object storage that can take minutes.
            progress.layer(row, LayerState.CHECKING);
        }
    }

    /** Compressed bytes as the share of the layer they carry, at the ratio compressed so far. */
    private long asLayerBytes(long compressedBytes) {
        long written = spool.isComplete() ? spool.size() : compressedWritten;
        long read = spool.isComplete() ? uncompressedSize : uncompressedRead;
        if (written <= 0) {
            return 0;
        }
        return Math.min(uncompressedSize, (long) ((double) compressedBytes * read / written));
    }

    /**
     * Only a retry from byte 0 shows: a chunk sent again after a renewed token or a cut between
     * chunks continues where the registry stands, which the bytes already say.
     */
    @Override
    public void retrying(Retry reason, String detail) {
        if (reason == Retry.NEW_SESSION || reason == Retry.BLOB_ABSENT_AFTER_COMMIT) {
            progress.layerRetrying(row, 0);
        }
    }

    @Override
    public void checkingCommit(String why) {
        progress.layer(row, LayerState.CHECKING);
    }
}
