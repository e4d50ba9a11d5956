package io.github.harborupload.pusher;

import io.github.harborupload.archive.ArchiveEntry;
import io.github.harborupload.archive.Compression;
import io.github.harborupload.archive.ImageArchive;
import io.github.harborupload.archive.ImageArchiveReader;
import io.github.harborupload.archive.LayerSink;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.ImageExport;
import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.gzip.GzipSettings;
import io.github.harborupload.gzip.ParallelGzipOutputStream;
import io.github.harborupload.push.LayerState;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.registry.BlobSource;
import io.github.harborupload.registry.BlobUploader;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryException;
import io.github.harborupload.registry.UploadListener;
import io.github.harborupload.registry.UploadSession;
import io.github.harborupload.registry.UploadedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * One push of the project's own, from an image in the engine to a tag in the registry, on a thread
 * of its own:
 * <ol>
 *   <li>ask the engine for the image's diff_ids, and the repository which of them it holds already
 *       (its tags' manifests and configs); an image the repository holds whole is never exported;</li>
 *   <li>otherwise read the engine's export once, in order: each layer is compressed on every core
 *       into its spool file while the uploader sends what is there, chunk by chunk;</li>
 *   <li>the config as the engine wrote it (so the image ID stays), then the manifest.</li>
 * </ol>
 * Every layer is checked against its diff_id on the way; the registry's answers are checked by the
 * protocol client. {@link #cancel()} stops everything and removes the spool.
 *
 * <p>{@link #pause()} lets each chunk in flight finish, then stops; a push that pauses or fails keeps
 * its folder (the spool and the {@link PushState}), and the same push started again goes on from
 * there: complete spools are sent without exporting them again, each saved upload session is asked
 * where it stands. The state never makes a push fail: one that cannot be used is set aside.
 */
public final class PushJob {

    private final DockerEngine engine;
    private final RegistryClient client;
    private final String imageId;
    private final String tag;
    private final PushProgress progress;
    private final Path folder;
    private final PushState.Target target;
    private final ExecutorService deflaters;
    private final ExecutorService uploads;
    private final GzipSettings gzip;
    private final LayersPushedBefore pushedBefore;
    private final SpoolRoom spoolRoom;
    private final CompletableFuture<PushResult> done = new CompletableFuture<>();

    // Guarded by this: what cancel() must stop.
    private final List<LayerUpload> layerUploads = new ArrayList<>();
    private ImageExport export;
    private Thread worker;
    private boolean cancelled;
    private boolean paused;

    // Set once by the worker before anything is uploaded.
    private PushState state;

    PushJob(DockerEngine engine, RegistryClient client, PushState.Target target, PushProgress progress,
            Path folder, ExecutorService deflaters, ExecutorService uploads, GzipSettings gzip,
            PushedLayerRecord record, SpoolRoom spoolRoom) {
        this.engine = engine;
        this.client = client;
        this.imageId = target.imageId();
        this.tag = target.tag();
        this.target = target;
        this.progress = progress;
        this.folder = folder;
        this.deflaters = deflaters;
        this.uploads = uploads;
        this.gzip = gzip;
        this.pushedBefore = new LayersPushedBefore(record, client);
        this.spoolRoom = spoolRoom;
    }

    /**
     * Starts the push on a thread of its own, once {@code previous} (the same push, if one ran, maybe
     * stopped a moment ago and still removing its folder) has ended: Start again right after Stop
     * must not have its new spool removed under it.
     */
    void start(PushJob previous) {
        Thread thread = new Thread(() -> {
            if (previous != null) {
                previous.awaitWorker();
            }
            run();
        }, "push " + tag);
        thread.setDaemon(true);
        synchronized (this) {
            worker = thread;
        }
        thread.start();
    }

    /** Waits until this job's thread has ended: a cancelled job completes before its folder is gone. */
    private void awaitWorker() {
        Thread thread;
        synchronized (this) {
            thread = worker;
        }
        try {
            if (thread != null) {
                thread.join();
            }
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt(); // this job was cancelled while waiting: run() ends it
        }
    }

    /** Completes with the manifest's digest and size, or fails with the cause. */
    public CompletionStage<PushResult> completion() {
        return done.minimalCompletionStage();
    }

    public boolean isDone() {
        return done.isDone();
    }

    /**
     * Stops the push: the export is closed, uploads are interrupted between (or inside) chunks, and
     * the spool is removed. Safe from any thread, any number of times.
     */
    public void cancel() {
        Thread thread;
        ImageExport open;
        List<LayerUpload> running;
        synchronized (this) {
            if (cancelled || done.isDone()) {
                return;
            }
            cancelled = true;
            thread = worker;
            open = export;
            running = List.copyOf(layerUploads);
        }
        running.forEach(LayerUpload::cancel);
        if (open != null) {
            open.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
        done.completeExceptionally(new PushCancelledException());
    }

    /**
     * Pauses the push: the export is closed, each upload finishes the chunk it is sending and stops,
     * and the job completes with {@link PushPausedException}, keeping the spool and the state for
     * the same push started again. Safe from any thread, any number of times.
     */
    public void pause() {
        ImageExport open;
        List<LayerUpload> running;
        synchronized (this) {
            if (cancelled || paused || done.isDone()) {
                return;
            }
            paused = true;
            open = export;
            running = List.copyOf(layerUploads);
        }
        running.forEach(LayerUpload::pause);
        if (open != null) {
            open.close();
        }
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    private synchronized boolean isPaused() {
        return paused;
    }

    private void run() {
        PushResult result = null;
        Throwable cause = null;
        try {
            result = push();
        } catch (Throwable failure) {
            cause = unwrap(failure);
        }
        boolean cancelledNow = result == null && (isCancelled() || (!isPaused()
                && (cause instanceof InterruptedException || cause instanceof CancellationException)));
        boolean keep = result == null && !cancelledNow;
        stopUploads(keep && isPaused());
        if (keep && state != null) {
            // The kept push's share, as the resume offer shows it: true bytes, not the running bar's smoothing.
            progress.halted();
            state.fraction(progress.snapshot().fraction());
        } else {
            removeFolder();
        }
        if (result != null) {
            progress.succeeded(result.digest(), result.size());
            done.complete(result);
        } else if (cancelledNow) {
            done.completeExceptionally(new PushCancelledException());
        } else if (isPaused()) {
            done.completeExceptionally(new PushPausedException());
        } else {
            progress.failed(String.valueOf(cause.getMessage()));
            done.completeExceptionally(cause);
        }
    }

    /** Stops every upload: after its chunk in flight for a pause, at once otherwise. */
    private void stopUploads(boolean finishChunks) {
        List<LayerUpload> all;
        synchronized (this) {
            all = List.copyOf(layerUploads);
        }
        for (LayerUpload upload : all) {
            if (finishChunks) {
                upload.pause();
                upload.awaitStopped();
            } else {
                upload.cancel();
            }
        }
    }

    /** The push succeeded or was cancelled: its spool and state go. */
    private void removeFolder() {
        try {
            KeptPushes.removeFolder(folder);
        } catch (IOException ignored) {
            // Gone already, or a file still open (Windows): the cache folder is the OS's to clean.
        }
    }

    /** The saved state of this push, or a fresh one; one that cannot be used is set aside. */
    private PushState openState() {
        try {
            return PushState.load(folder, target).orElseGet(() -> PushState.fresh(folder, target));
        } catch (IOException unusable) {
            PushState.setAside(folder);
            progress.stateSetAside();
            return PushState.fresh(folder, target);
        }
    }

    private PushResult push() throws Exception {
        ImageDetails image = engine.inspect(imageId);
        state = openState();
        // Asked beside the layers, on the uploaders' threads too: a round trip less on a re-push.
        Future<BlobRef> configCheck = uploads.submit(() -> configInRepository(image));
        Map<String, BlobRef> present;
        BlobRef config;
        try {
            present = new PresentLayers(client, pushedBefore, uploads).find(tag, image.diffIds());
            config = get(configCheck);
        } finally {
            configCheck.cancel(true);
        }
        Map<String, BlobRef> blobs = new HashMap<>(present);
        if (config == null || !present.keySet().containsAll(image.diffIds())) {
            Set<String> settled = new HashSet<>();
            Map<String, LayerUpload> kept = resumeKept(image, present, blobs, settled);
            Optional<byte[]> savedConfig = state.savedConfig();
            Set<String> unsent = new HashSet<>(image.diffIds());
            unsent.removeAll(blobs.keySet());
            unsent.removeAll(kept.keySet());
            if (unsent.isEmpty() && savedConfig.isPresent()) {
                // Every layer the registry lacks is spooled whole already: no export at all.
                awaitAll(kept, blobs);
                config = uploadConfig(savedConfig.get(), BlobSource.sha256(savedConfig.get()));
            } else {
                ImageArchive archive = exportAndUpload(image, present, blobs, kept, settled);
                config = uploadConfig(archive.config(), archive.configDigest());
            }
        } else {
            for (String diffId : image.diffIds()) {
                pushedBefore.showDone(progress, row(diffId), diffId);
            }
        }
        List<BlobRef> layers = new ArrayList<>();
        for (String diffId : image.diffIds()) {
            layers.add(blobs.get(diffId));
        }
        byte[] manifest = ManifestV2.of(config, layers);
        String digest = client.putManifest(tag, manifest, ManifestV2.MEDIA_TYPE);
        // The registry accepted the manifest, so it holds every blob; the config goes under its own
        // digest and under the image ID, which a later push looks for (they differ in the
        // containerd image store, where the ID is the local manifest's digest).
        blobs.put(config.digest(), config);
        blobs.put(image.id(), config);
        pushedBefore.confirmed(blobs);
        return new PushResult(digest, manifest.length);
    }

    /**
     * The layers a paused or killed run of this push spooled whole (hashed again to be sure): those
     * the registry committed meanwhile go into {@code blobs}, the others start uploading at once,
     * each continuing its saved session where the registry still holds it. Their export entries go
     * into {@code settled}, so an export, if one is needed, skips them.
     *
     * @return diff_id → the upload of each layer sent from a kept spool
     */
    private Map<String, LayerUpload> resumeKept(ImageDetails image, Map<String, BlobRef> present,
            Map<String, BlobRef> blobs, Set<String> settled) throws RegistryException, InterruptedException {
        Map<String, LayerUpload> kept = new LinkedHashMap<>();
        for (PushState.Layer layer : state.layers()) {
            String diffId = layer.diffId();
            if (!layer.complete() || diffId == null || !image.diffIds().contains(diffId)
                    || present.containsKey(diffId) || kept.containsKey(diffId)) {
                continue;
            }
            BlobRef blob = new BlobRef(layer.digest(), layer.size());
            Optional<SpooledBlob> spool = SpooledBlob.reopen(folder.resolve(layer.spool()), blob);
            if (spool.isEmpty()) {
                continue;
            }
            String row = row(layer.entry());
            settled.add(layer.entry());
            if (client.blobSize(blob.digest()).isPresent()) {
                blobs.put(diffId, blob);
                progress.layerBytes(row, layer.entrySize(), layer.entrySize());
                progress.layer(row, LayerState.PUSHED);
                continue;
            }
            LayerUpload upload = new LayerUpload(row, layer.entry(), spool.get(), layer.entrySize(), progress,
                    state, layer.upload(), Optional.empty());
            register(upload);
            progress.layer(row, LayerState.WAITING);
            upload.start(client, uploads);
            recordWhenCommitted(diffId, upload);
            kept.put(diffId, upload);
        }
        return kept;
    }

    /** A layer upload pause and cancel must reach; one registered after a pause stops before its first chunk. */
    private void register(LayerUpload upload) {
        boolean pausedAlready;
        synchronized (this) {
            layerUploads.add(upload);
            pausedAlready = paused;
        }
        if (pausedAlready) {
            upload.pause();
        }
    }

    /**
     * Records the layer the moment the registry commits it, not when every layer is in: a push
     * stopped or failed later has still taught the next one what Harbor holds (the wizard's Stop
     * says layers already sent are not sent again).
     */
    private void recordWhenCommitted(String diffId, LayerUpload upload) {
        upload.done().thenAccept(sent -> pushedBefore.confirmed(Map.of(diffId, sent)));
    }

    private void awaitAll(Map<String, LayerUpload> uploads, Map<String, BlobRef> blobs) throws Exception {
        for (Map.Entry<String, LayerUpload> layer : uploads.entrySet()) {
            BlobRef sent = await(layer.getValue());
            blobs.put(layer.getKey(), sent);
            closeQuietly(layer.getValue().spool());
        }
    }

    /**
     * The config when the repository holds it already, else null. First where the record of an
     * earlier push of ours says (it keeps the image ID beside the config it stands for): one HEAD
     * on a re-push. Else the blob under the image ID: the engine's image ID is the config's digest
     * in the classic image store; in the containerd store (Docker 25+) it is the digest of the
     * image's manifest or index, which the repository holds too after docker's own push, and
     * distribution serves a manifest as a blob: so the blob under the ID counts only when it is a
     * config with this image's diff_ids. Else the export supplies the config.
     */
    private BlobRef configInRepository(ImageDetails image) throws RegistryException, InterruptedException {
        Optional<BlobRef> recorded = pushedBefore.find(image.id());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Optional<Long> size = client.blobSize(image.id());
        if (size.isPresent() && size.get() <= LayersInRepository.MAX_CONFIG_BYTES
                && ImageConfig.diffIds(client.blob(image.id(), LayersInRepository.MAX_CONFIG_BYTES)).equals(image.diffIds())) {
            return new BlobRef(image.id(), size.get());
        }
        return null;
    }

    private BlobRef uploadConfig(byte[] config, String digest) throws RegistryException, InterruptedException, IOException {
        Optional<Long> size = client.blobSize(digest);
        if (size.isPresent()) {
            return new BlobRef(digest, size.get());
        }
        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(config), UploadListener.NONE);
        return new BlobRef(blob.digest(), blob.size());
    }

    /**
     * Reads the engine's export once; uploads each layer the repository lacks into {@code blobs}.
     * When the repository holds none of them, each upload starts with its layer's first compressed
     * bytes; otherwise only once the layer's diff_id is known at its end (docker's archive names a
     * layer by an ID of its own), so a layer the registry has is never sent.
     */
    private ImageArchive exportAndUpload(ImageDetails image, Map<String, BlobRef> present, Map<String, BlobRef> blobs,
            Map<String, LayerUpload> kept, Set<String> settled) throws Exception {
        Set<String> wanted = new HashSet<>(image.diffIds());
        wanted.removeAll(blobs.keySet());
        wanted.removeAll(kept.keySet());
        boolean sendWhileReading = present.isEmpty();
        Map<String, LayerUpload> byDiffId = new LinkedHashMap<>(kept);
        progress.preparingImage(true);
        ImageExport opened = engine.export(imageId);
        synchronized (this) {
            export = opened;
            if (cancelled || paused) {
                opened.close();
                throw new InterruptedException();
            }
        }
        opened.started().whenComplete((ignored, failure) -> progress.preparingImage(false));
        ImageArchive archive;
        try (opened) {
            LayerSink sink = (entry, content) -> {
                if (settled.contains(entry.path())) {
                    // Sent from its kept spool; the reader still checks the entry against its diff_id.
                    return LayerSink.IGNORE_END;
                }
                LayerUpload upload = compress(entry, content, sendWhileReading);
                return digests -> {
                    String diffId = digests.diffId();
                    state.completed(entry.path(), diffId, new BlobRef(upload.spool().digest(), upload.spool().size()));
                    if (wanted.remove(diffId)) {
                        byDiffId.put(diffId, upload);
                        upload.start(client, uploads);
                        recordWhenCommitted(diffId, upload);
                    } else {
                        upload.cancel();
                        closeQuietly(upload.spool());
                        pushedBefore.showDone(progress, upload.row(), diffId);
                    }
                };
            };
            archive = new ImageArchiveReader().read(opened, image.id(), sink);
        }
        synchronized (this) {
            export = null;
        }
        state.config(archive.config());
        awaitAll(byDiffId, blobs);
        if (!wanted.isEmpty()) {
            throw new IllegalStateException("the export held no layer for " + wanted);
        }
        return archive;
    }

    /** Compresses one entry into its spool (or copies a layer the engine compressed already). */
    private LayerUpload compress(ArchiveEntry entry, InputStream content, boolean sendWhileReading) throws IOException {
        String row = row(entry.path());
        // Named for the entry, so a spool kept from an earlier run is never overwritten by another layer's.
        String name = "layer-" + BlobSource.sha256(entry.path().getBytes(StandardCharsets.UTF_8)).substring(7, 23) + ".gz";
        Optional<SpoolSpaceException> shortDisk = spoolRoom.shortage(folder, entry.size());
        Optional<UploadSession> saved = Optional.empty();
        Optional<Path> earlier = Optional.empty();
        SpooledBlob spool;
        if (shortDisk.isEmpty()) {
            saved = state.layer(entry.path()).flatMap(PushState.Layer::upload);
            earlier = saved.isPresent() ? keepEarlier(folder.resolve(name)) : Optional.empty();
            spool = SpooledBlob.create(folder, name);
            state.started(entry.path(), entry.size(), spool.fileName(), saved);
        } else {
            // Issue 18: sent straight from the compressor, with no resume inside the layer, rather
            // than filling the disk; the faces say so.
            spool = SpooledBlob.inMemory(shortDisk.get());
            progress.spoolSkipped();
        }
        LayerUpload upload = new LayerUpload(row, entry.path(), spool, entry.size(), progress, state, saved, earlier);
        register(upload);
        progress.layer(row, LayerState.COMPRESSING);
        // In memory the compressor waits for the uploader: it must start now, even for a layer the
        // registry may turn out to have (its upload is then cancelled).
        if (sendWhileReading || spool.isInMemory()) {
            upload.start(client, uploads);
        }
        try {
            spool.complete(entry.compression() == Compression.NONE
                    ? gzipInto(spool, content, upload)
                    : copyInto(spool, content, upload));
        } catch (IOException | RuntimeException e) {
            spool.fail(e instanceof IOException io ? io : new IOException(e));
            throw e;
        }
        return upload;
    }

    /**
     * The partial spool an earlier run fed the registry's session from, moved aside so the layer can
     * be compressed again beside it; empty when there is none.
     */
    private static Optional<Path> keepEarlier(Path spool) {
        Path earlier = spool.resolveSibling(spool.getFileName() + ".before");
        try {
            Files.move(spool, earlier, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(earlier);
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    private BlobRef gzipInto(SpooledBlob spool, InputStream content, LayerUpload upload) throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(spool.output(), deflaters, gzip);
        try (gz) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = content.read(buffer)) >= 0; ) {
                gz.write(buffer, 0, n);
                upload.compressed(gz.uncompressedBytes(), gz.compressedBytes());
            }
        }
        return new BlobRef(gz.compressedDigest(), gz.compressedBytes());
    }

    private static BlobRef copyInto(SpooledBlob spool, InputStream content, LayerUpload upload) throws IOException {
        MessageDigest sha256 = sha256();
        long copied = 0;
        try (OutputStream out = new DigestOutputStream(spool.output(), sha256)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = content.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                copied += n;
                upload.compressed(copied, copied);
            }
        }
        return new BlobRef("sha256:" + HexFormat.of().formatHex(sha256.digest()), copied);
    }

    private static BlobRef await(LayerUpload upload) throws Exception {
        return get(upload.done());
    }

    /** The task's result, or the exception it failed with. */
    static <T> T get(Future<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A row of the layer table: 12 hex digits, as the engine names layers. */
    static String row(String digestOrPath) {
        String hex = digestOrPath;
        int colon = hex.lastIndexOf(':');
        if (colon >= 0) {
            hex = hex.substring(colon + 1);
        } else if (hex.startsWith("blobs/")) {
            hex = hex.substring(hex.lastIndexOf('/') + 1);
        }
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void closeQuietly(SpooledBlob spool) {
        try {
            spool.close();
        } catch (IOException ignored) {
            // A spool file left behind is removed with the next push's folder.
        }
    }
}
