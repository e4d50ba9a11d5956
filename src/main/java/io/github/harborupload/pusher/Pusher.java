package io.github.harborupload.pusher;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.gzip.DeflaterThreads;
import io.github.harborupload.gzip.GzipSettings;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryEndpoint;
import io.github.harborupload.registry.RegistryException;
import io.github.harborupload.registry.RegistrySettings;
import io.github.harborupload.registry.TrustRoots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's own push, beside the engine's: made once per program, it keeps the threads every
 * push shares (deflaters on every core, a few uploaders) and starts one {@link PushJob} per push.
 */
public final class Pusher implements AutoCloseable {

    /** Layers sent at once, as docker does ({@code max-concurrent-uploads}, 5) but for two cores' worth of gzip. */
    static final int PARALLEL_UPLOADS = 3;

    private final Map<String, String> environment;
    private final Path home;
    private final TrustRoots roots;
    private final Path spoolFolder;
    private final RegistrySettings registrySettings;
    private final GzipSettings gzip;
    private final ExecutorService deflaters;
    private final ExecutorService uploads;
    private final PushedLayerRecord record;
    private final SpoolRoom spoolRoom;
    private final KeptPushes kept;

    /**
     * @param environment the environment variables (proxies)
     * @param home        the user's home ({@code ~/.docker/certs.d})
     * @param cacheFolder where the spool of compressed layers goes (each push has a folder of its own)
     *                    and the record of layers pushed before
     */
    public Pusher(Map<String, String> environment, Path home, Path cacheFolder) {
        this(environment, home, cacheFolder, TrustRoots.JAVA);
    }

    /** As above, checking registries' certificates against {@code roots} (and certs.d). */
    public Pusher(Map<String, String> environment, Path home, Path cacheFolder, TrustRoots roots) {
        // The archive reader hashes each layer for its diff_id already: hashing it again cost 0.85 s
        // of CPU per GB (docs/benchmarks.md, "Hashing once").
        this(environment, home, cacheFolder, roots, RegistrySettings.defaults(),
                GzipSettings.defaults(DeflaterThreads.defaultThreads()).withoutUncompressedDigest(), UsableSpace.FILE_STORE);
    }

    Pusher(Map<String, String> environment, Path home, Path cacheFolder, TrustRoots roots, RegistrySettings registrySettings,
            GzipSettings gzip, UsableSpace space) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.roots = roots;
        this.spoolFolder = cacheFolder.resolve("spool");
        this.record = new PushedLayerRecord(cacheFolder.resolve("pushed-layers.json"));
        this.spoolRoom = new SpoolRoom(space);
        this.kept = new KeptPushes(spoolFolder, Clock.systemUTC());
        this.registrySettings = registrySettings;
        this.gzip = gzip;
        this.deflaters = DeflaterThreads.newPool(DeflaterThreads.defaultThreads());
        AtomicInteger count = new AtomicInteger();
        this.uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS, task -> {
            Thread thread = new Thread(task, "upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The last job of each folder, which the next of the same push waits for (see {@link PushJob#start}). */
    private final Map<Path, PushJob> lastJobs = new ConcurrentHashMap<>();

    /** Where a push goes and with which login: a client serves one place. */
    private record Place(String registry, boolean insecure, String repository, Credential credential) {
    }

    // Guarded by this: the client of the last push, and its place.
    private Place lastPlace;
    private RegistryClient lastClient;

    /**
     * Starts pushing the local image {@code imageId} to {@code registry/repository:tag}; returns at once.
     * Where a run of the same push paused or failed, it goes on from what that run kept.
     *
     * @param insecure  the engine treats the registry as insecure (loopback, its insecure list): https
     *                  without certificate checks, or http where https is not there
     * @throws RegistryException when the registry's CA files cannot be read
     */
    public PushJob start(DockerEngine engine, String registry, boolean insecure, String repository, String tag,
            Credential credential, String imageId, PushProgress progress) throws RegistryException {
        Place place = new Place(registry, insecure, repository, credential);
        RegistryClient client = clientFor(place);
        // Each push cleans up after those abandoned, so the cache does not grow forever.
        kept.removeAbandoned();
        PushState.Target target = new PushState.Target(registry, repository, tag, imageId);
        // One folder per push, named for what it pushes: the same push started again finds what was done.
        Path folder = spoolFolder.resolve(target.key());
        PushJob job = new PushJob(engine, client, target, progress, folder, deflaters, uploads, gzip, record, spoolRoom);
        job.start(lastJobs.put(folder, job));
        job.completion().whenComplete((result, failure) -> {
            if (failure != null) {
                forget(client);
            }
        });
        return job;
    }

    /**
     * The client of the last push when this one goes to the same place with the same login, else a
     * new one, kept for the next. A re-push in the wizard then skips what a new client pays before
     * its first answer (the connection, https tried first on an insecure registry, {@code GET /v2/}
     * for the challenge, a token): docs/benchmarks.md, "The re-push in a running process".
     */
    private synchronized RegistryClient clientFor(Place place) throws RegistryException {
        if (!place.equals(lastPlace)) {
            RegistryEndpoint endpoint = RegistryEndpoint.of(place.registry(), place.insecure(), environment, home, roots);
            lastClient = new RegistryClient(endpoint, place.repository(), place.credential(), registrySettings);
            lastPlace = place;
        }
        return lastClient;
    }

    /**
     * After a push that failed or stopped, the next starts with a new client: the user may have
     * fixed what failed (a CA file in certs.d, the registry's https).
     */
    private synchronized void forget(RegistryClient client) {
        if (client == lastClient) {
            lastPlace = null;
            lastClient = null;
        }
    }

    /** The pushes that paused, failed or were killed, which the same push started again goes on with. */
    public KeptPushes kept() {
        return kept;
    }

    @Override
    public void close() {
        deflaters.shutdownNow();
        uploads.shutdownNow();
    }
}
