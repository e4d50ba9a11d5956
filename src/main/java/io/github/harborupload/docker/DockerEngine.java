package io.github.harborupload.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.InfoRegistryConfig;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DefaultDockerCmdExecFactory;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.command.AuthCmdImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The Docker engine, as this program uses it: what it is, its images, login checks, tags and
 * pushes. It speaks through docker-java, but nothing of docker-java shows in its methods.
 *
 * <p>Calls block the calling thread (never call them on the FX thread). Every failure is an
 * {@link EngineException}; an engine that cannot be reached gives {@link EngineUnreachableException}
 * from any call. Credentials are always the ones passed in: the Docker config file is never read.
 *
 * <p>Thread-safe: one instance may serve several threads, and several pushes at once.
 */
public final class DockerEngine implements AutoCloseable {

    /** A few seconds is plenty to open a local socket; longer means nothing is there. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A login check waits for the registry, which can take long over a VPN. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineLocation location;
    private final DockerClient quick;
    private final DefaultDockerCmdExecFactory quickCommands;
    private final DockerClient pushing;
    /** Raw HTTP for the image calls, where docker-java's model would lose fields or drain on close. */
    private final DockerHttpClient quickHttp;
    private final DockerHttpClient streamingHttp;
    private final EngineFailures failures;
    private final Duration responseTimeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(DockerEngine::callThread);
    private final Set<PushOperation> running = ConcurrentHashMap.newKeySet();

    private DockerEngine(EngineLocation location, DockerClientConfig config, Duration connectTimeout,
                         Duration responseTimeout) {
        this.location = location;
        this.failures = new EngineFailures(location.host(), responseTimeout);
        this.responseTimeout = responseTimeout;
        // Two HTTP clients: quick calls give up after responseTimeout, while a push stream may
        // legitimately stay silent for minutes (stalls are detected above this layer). The HTTP
        // timeout only works over tcp, though: docker-java's unix socket cannot time out a read,
        // so quick calls also run under a deadline of their own (see quickly()).
        this.quickCommands = commands(config, connectTimeout, responseTimeout);
        this.quick = DockerClientImpl.getInstance(config).withDockerCmdExecFactory(quickCommands);
        DefaultDockerCmdExecFactory streamingCommands = commands(config, connectTimeout, null);
        this.pushing = DockerClientImpl.getInstance(config).withDockerCmdExecFactory(streamingCommands);
        this.quickHttp = quickCommands.getDockerHttpClient();
        this.streamingHttp = streamingCommands.getDockerHttpClient();
    }

    /**
     * Prepares a client for the engine at that location. Opens no connection yet: use
     * {@link #ping()} to find out whether the engine answers.
     *
     * @throws EngineUnreachableException the location is not a usable engine address (unknown
     *                                    scheme), or TLS was asked for and its files are
     *                                    unreadable or invalid (reason TLS)
     */
    public static DockerEngine connect(EngineLocation location) {
        return connect(location, CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    static DockerEngine connect(EngineLocation location, Duration connectTimeout, Duration responseTimeout) {
        Objects.requireNonNull(location, "location");
        try {
            return new DockerEngine(location, config(location), connectTimeout, responseTimeout);
        } catch (EngineUnreachableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineUnreachableException(location.host(),
                    "not a usable Docker engine address " + location.host() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Built by hand rather than from docker-java's defaults, which would read DOCKER_HOST, system
     * properties and the Docker config file behind our back. The API version stays unset: requests
     * then carry no version and the engine answers in its own (a 20.10 engine refuses 1.44 and up).
     */
    private static DockerClientConfig config(EngineLocation location) {
        // The TLS context is made now, so a tcp host that asked for TLS and cannot have it is refused
        // here, never spoken to in plain HTTP. It is always given (null meaning plain), which also
        // keeps docker-java from taking TLS files from the current context on its own.
        SSLContext tls;
        try {
            tls = EngineTls.contextFor(location);
        } catch (GeneralSecurityException | IOException e) {
            throw new EngineUnreachableException(location.host(), EngineUnreachableException.Reason.TLS,
                    "TLS to the Docker engine at " + location.host() + " (" + location.origin()
                            + ") cannot be set up, so nothing was sent: " + e.getMessage(), e);
        }
        return new DefaultDockerClientConfig.Builder()
                .withDockerHost(location.host())
                .withCustomSslConfig(() -> tls)
                .build();
    }

    private static DefaultDockerCmdExecFactory commands(DockerClientConfig config, Duration connectTimeout,
                                                        Duration responseTimeout) {
        URI host = config.getDockerHost();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
        return new DefaultDockerCmdExecFactory(http, config.getObjectMapper());
    }

    public EngineLocation location() {
        return location;
    }

    /**
     * Asks the engine what it is; the way to find out whether it answers at all.
     *
     * @throws EngineUnreachableException no socket, connection refused, no permission on the socket,
     *                                    or something answered that is not a Docker engine
     * @throws EngineTimeoutException     it accepted the connection but did not answer in time
     */
    public EngineInfo ping() {
        try {
            Version version = quickly(() -> quick.versionCmd().exec());
            return new EngineInfo(version.getVersion(), version.getApiVersion(), version.getOperatingSystem(),
                    version.getArch());
        } catch (DockerException e) {
            throw new EngineUnreachableException(location.host(),
                    "something answers at " + location.host() + " but not like a Docker engine: "
                            + EngineFailures.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /**
     * The registries the engine speaks plain http to ({@code docker info}'s {@code RegistryConfig}),
     * so the project's own push does as the engine's would. An engine that does not say (old or not
     * docker) gets dockerd's default: loopback only.
     */
    public InsecureRegistries insecureRegistries() {
        try {
            InfoRegistryConfig config = quickly(() -> quick.infoCmd().exec()).getRegistryConfig();
            if (config == null) {
                return InsecureRegistries.DOCKER_DEFAULT;
            }
            Map<String, Boolean> secure = new HashMap<>();
            if (config.getIndexConfigs() != null) {
                config.getIndexConfigs().forEach((name, index) ->
                        secure.put(name, index.getSecure() == null || index.getSecure()));
            }
            List<String> cidrs = config.getInsecureRegistryCIDRs();
            return new InsecureRegistries(cidrs == null ? List.of("127.0.0.0/8") : cidrs, secure);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /** The local images, newest first. Untagged images are included with no tags. */
    public List<LocalImage> listImages() {
        try {
            return quickly(() -> quick.listImagesCmd().exec()).stream()
                    .map(DockerEngine::localImage)
                    .sorted(Comparator.comparing(LocalImage::created).reversed().thenComparing(LocalImage::id))
                    .toList();
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    private static LocalImage localImage(Image image) {
        String[] tags = image.getRepoTags() == null ? new String[0] : image.getRepoTags();
        List<String> repoTags = Arrays.stream(tags).filter(tag -> !"<none>:<none>".equals(tag)).toList();
        return new LocalImage(image.getId(), LocalImage.shortIdOf(image.getId()), repoTags,
                image.getSize() == null ? 0 : image.getSize(),
                Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated()));
    }

    /**
     * Has the engine log in to the registry with this credential, as {@code docker login} does (the
     * engine, not this program, talks to the registry: its proxy and certificates apply). Stores
     * nothing.
     *
     * @param registry host[:port] of the registry, e.g. {@code gpu-harbor.act.buaa.edu.cn}
     * @throws RegistryLoginException the engine's answer, verbatim, e.g. "login attempt to
     *                                https://…/v2/ failed with status: 401 Unauthorized"
     * @throws EngineTimeoutException the registry did not answer the engine in time
     */
    public void checkLogin(String registry, Credential credential) {
        Objects.requireNonNull(registry, "registry");
        try {
            AuthConfig auth = authConfig(registry, credential);
            // Not quick.authCmd(): that one insists on a registry user in docker-java's own config.
            quickly(() -> new AuthCmdImpl(quickCommands.createAuthCmdExec(), auth).exec());
        } catch (DockerException e) {
            throw new RegistryLoginException(registry, withoutPassword(EngineFailures.engineMessage(e), credential), e);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /** The engine does not echo passwords today; this keeps a future message that did from leaking one. */
    private static String withoutPassword(String message, Credential credential) {
        String password = credential.password();
        return password.isEmpty() ? message : message.replace(password, "***");
    }

    /**
     * Gives a local image a further name, as {@code docker tag} does.
     *
     * @param sourceImage      a local image: {@code repo:tag} or an image ID
     * @param targetRepository the new name without tag, e.g. {@code gpu-harbor…/user-alice/pytorch}
     * @throws ImageNotFoundException the source image does not exist
     * @throws EngineException        the engine refused, e.g. "invalid reference format: repository
     *                                name must be lowercase"
     */
    public void tag(String sourceImage, String targetRepository, String tag) {
        try {
            quickly(() -> {
                quick.tagImageCmd(sourceImage, targetRepository, tag).exec();
                return null;
            });
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(sourceImage, EngineFailures.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /**
     * Removes one name of a local image, as {@code docker rmi NAME} does while the image has other
     * names: the image and those names stay. The image's last name is never removed, since that
     * would delete the image itself (a push's source image must never go).
     *
     * @param name a {@code repository:tag} of a local image
     * @return whether the name was removed; false when it was the image's last
     * @throws ImageNotFoundException no image has that name (any more)
     */
    public boolean removeName(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return quickly(() -> {
                List<String> names = Optional.ofNullable(quick.inspectImageCmd(name).exec().getRepoTags()).orElse(List.of());
                if (names.stream().allMatch(name::equals)) {
                    return false;
                }
                quick.removeImageCmd(name).withForce(false).withNoPrune(true).exec();
                return true;
            });
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(name, EngineFailures.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /**
     * Starts pushing {@code repository:tag} and returns at once; see {@link PushOperation} for the
     * threading of the listener and the outcome. The credential is sent with this push only.
     *
     * @param tag required: without one the engine would push every tag of the repository
     */
    public PushOperation push(String repository, String tag, Credential credential, Consumer<PushEvent> listener) {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(listener, "listener");
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a push needs a tag; without one the engine pushes every tag");
        }
        PushOperation operation = new PushOperation(repository, tag, listener, failures);
        running.add(operation);
        operation.completion().whenComplete((result, failure) -> running.remove(operation));
        // Always an explicit AuthConfig: without one docker-java would take credentials from the
        // Docker config file silently, and a push could succeed with someone else's login.
        AuthConfig auth = authConfig(registryOf(repository), credential);
        pushing.pushImageCmd(repository).withTag(tag).withAuthConfig(auth).exec(operation.callback());
        return operation;
    }

    /**
     * What the engine says of a local image: its ID, its layers' diff_ids, platform and size.
     *
     * @param imageIdOrName an image ID ({@code sha256:…} or a unique prefix) or {@code repo:tag}
     * @throws ImageNotFoundException the engine has no such image
     */
    public ImageDetails inspect(String imageIdOrName) {
        Objects.requireNonNull(imageIdOrName, "imageIdOrName");
        try {
            JsonNode image = quickly(() -> {
                try (Response response = ImageRequests.get(quickHttp, imageIdOrName, "json")) {
                    return JSON.readTree(response.getBody());
                }
            });
            return ImageDetails.fromEngine(image);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    /**
     * Starts {@code docker save} of one image ({@code GET /images/{name}/get}) and returns at once;
     * the tar streams through the returned {@link ImageExport}, never held in memory or on disk.
     * The engine prepares the whole image before the first byte: see {@link ImageExport#started()}.
     *
     * @param imageId the image ID from {@link #inspect}: a name could move to another image between
     *                the inspect and the export
     */
    public ImageExport export(String imageId) {
        Objects.requireNonNull(imageId, "imageId");
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return ImageRequests.get(streamingHttp, imageId, "get");
            } catch (RuntimeException e) {
                throw failures.translate(e);
            }
        }, calls);
        return new ImageExport(answer, failures);
    }

    /**
     * Runs a quick call on a thread of its own and waits at most the response timeout for it. On
     * timeout that thread is interrupted and its answer, if one still comes, is dropped.
     */
    private <T> T quickly(Callable<T> call) {
        NamedPipe.requireExisting(location.host(), NamedPipe::exists); // Windows: say "not running" at once
        Future<T> answer = calls.submit(call);
        try {
            return answer.get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new EngineTimeoutException(location.host(), responseTimeout, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the Docker engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EngineException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static Thread callThread(Runnable call) {
        Thread thread = new Thread(call, "docker-engine-call");
        thread.setDaemon(true);
        return thread;
    }

    /** The registry part of a repository name, by the docker CLI's rule; Docker Hub when there is none. */
    static String registryOf(String repository) {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        return isHost ? first : "docker.io";
    }

    private static AuthConfig authConfig(String registry, Credential credential) {
        Objects.requireNonNull(credential, "credential");
        return new AuthConfig()
                .withUsername(credential.username())
                .withPassword(credential.password())
                .withRegistryAddress(registry);
    }

    /** Cancels the pushes still running, then closes the connections. */
    @Override
    public void close() {
        running.forEach(PushOperation::cancel);
        calls.shutdownNow();
        closeQuietly(quick);
        closeQuietly(pushing);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Closing idle local connections; nothing to tell anyone.
        }
    }
}
