package io.github.harborupload.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's local Docker daemon and registry, started by {@code scripts/stack.sh up}. Besides
 * the plain registry there is a deny proxy (pushes refused as Harbor refuses them) and a Harbor
 * look-alike ({@link #harbor()}): the registry plus Harbor's API, served by whatever listens on
 * {@link #harborApiPort()} (the local platform server, when a test starts it there), and, when the
 * machine has an address outside loopback, the registry over TLS with a self-signed certificate
 * ({@link #tlsRegistry()}, null otherwise). And Harbor as it really is, behind gateways
 * ({@link #tokenHarbor()}, see {@link TokenHarbor} and {@link GatewayFaults}).
 *
 * <p>Tests find it through the variables that script prints, or, when those are not set (a test
 * run from an IDE), through the {@code stack.env} file it leaves in its folder. In CI a missing
 * stack is a failure, never a skip.
 */
public record TestStack(
        String dockerHost,
        Path stackDir,
        String registry,
        String user,
        String password,
        String otherUser,
        String otherPassword,
        String denyRegistry,
        String harbor,
        int harborApiPort,
        String tinyImage,
        String fiveLayerImage,
        String tlsRegistry,
        Path tlsCa,
        TokenHarbor tokenHarbor) {

    /**
     * A registry with Harbor's token auth, behind a Harbor core stand-in and two nginx gateways
     * ({@code scripts/stack.sh}, {@code scripts/stack/HarborCore.java}). Push is granted only under
     * {@code user-<name>/}.
     *
     * @param tokenRegistry        the registry itself (token auth, no gateway, no faults)
     * @param core                 the Harbor core stand-in: token service, and the registry behind
     *                             the faults of {@link GatewayFaults}
     * @param tokenRealm           the token service's URL, as the registry's challenge names it
     * @param tokenLifetimeSeconds the tokens' {@code expires_in}; the registry accepts a token up to
     *                             60 s past it (distribution's clock-skew leeway)
     * @param gateway              nginx: 3 s read timeout, 32 MiB body limit, requests streamed
     * @param bufferingGateway     the same, buffering request bodies as ingress-nginx does
     */
    public record TokenHarbor(String tokenRegistry, String core, String tokenRealm, int tokenLifetimeSeconds,
                              String gateway, String bufferingGateway) {
    }

    private static final Path DEFAULT_DIR = Path.of("/tmp/harbor-upload-stack");

    public static TestStack require() {
        Map<String, String> env = variables();
        String host = env.get("DOCKER_HOST");
        String problem = null;
        if (host == null || env.get("TEST_REGISTRY") == null) {
            problem = "the local Docker stack is not up (run: scripts/stack.sh up)";
        } else if (!socketAnswers(host)) {
            problem = "the local Docker daemon does not answer at " + host + " (run: scripts/stack.sh up)";
        }
        if (problem != null) {
            unavailable(problem);
        }
        return new TestStack(
                host,
                Path.of(env.get("TEST_STACK_DIR")),
                env.get("TEST_REGISTRY"),
                env.get("TEST_REGISTRY_USER"),
                env.get("TEST_REGISTRY_PASSWORD"),
                env.get("TEST_OTHER_USER"),
                env.get("TEST_OTHER_PASSWORD"),
                env.get("TEST_DENY_REGISTRY"),
                env.get("TEST_HARBOR"),
                Integer.parseInt(env.getOrDefault("TEST_HARBOR_API_PORT", "0")),
                env.get("TEST_IMAGE_TINY"),
                env.get("TEST_IMAGE_FIVE_LAYERS"),
                env.get("TEST_TLS_REGISTRY"),
                env.containsKey("TEST_TLS_CA") ? Path.of(env.get("TEST_TLS_CA")) : null,
                env.containsKey("TEST_GATEWAY") ? new TokenHarbor(
                        env.get("TEST_HARBOR_TOKEN_REGISTRY"),
                        env.get("TEST_HARBOR_CORE"),
                        env.get("TEST_TOKEN_REALM"),
                        Integer.parseInt(env.get("TEST_TOKEN_LIFETIME")),
                        env.get("TEST_GATEWAY"),
                        env.get("TEST_BUFFERING_GATEWAY")) : null);
    }

    /** The variables, from the environment or else from the stack's env file. */
    private static Map<String, String> variables() {
        if (System.getenv("TEST_REGISTRY") != null) {
            return System.getenv();
        }
        String dir = System.getenv().getOrDefault("TEST_STACK_DIR", DEFAULT_DIR.toString());
        Path file = Path.of(dir, "stack.env");
        Map<String, String> values = new HashMap<>();
        if (Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String assignment = line.replaceFirst("^export\\s+", "");
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        values.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return values;
    }

    private static boolean socketAnswers(String dockerHost) {
        if (!dockerHost.startsWith("unix://")) {
            return true; // let the client report it
        }
        Path socket = Path.of(dockerHost.substring("unix://".length()));
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The registry over TLS with a self-signed certificate; a failure in CI (the stack script gives
     * every machine one, if need be on an address it adds to loopback), a skip elsewhere.
     */
    public String requireTlsRegistry() {
        if (tlsRegistry == null) {
            unavailable("the stack has no TLS registry (no address outside loopback to serve it on)");
        }
        return tlsRegistry;
    }

    /**
     * The token registry and its gateways; a failure in CI, a skip elsewhere, when the stack was
     * started by a stack.sh from before them.
     */
    public TokenHarbor requireTokenHarbor() {
        if (tokenHarbor == null) {
            unavailable("the stack has no token registry and gateways (started by an older scripts/stack.sh: stop it and run up)");
        }
        return tokenHarbor;
    }

    /** Fails in CI, where nothing may be skipped; skips with the reason elsewhere. */
    public static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + reason);
        }
        Assumptions.abort("skipped locally: " + reason);
    }

    /** A repository name no other test uses, so pushes never meet each other's layers by accident. */
    public static String uniqueRepository(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }
}
