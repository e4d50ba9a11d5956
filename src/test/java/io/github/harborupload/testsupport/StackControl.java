package io.github.harborupload.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crashes and restarts parts of the stack a test was given, through {@code scripts/stack.sh} with
 * that stack's folder and ports, never another's. A test that crashes something calls
 * {@link #startAll()} in a {@code finally}: one stack serves every test class of a run.
 */
public final class StackControl {

    /** What {@code stack.sh kill} can crash. */
    public enum Component {
        DOCKERD, REGISTRY, TLS_REGISTRY, PROXY, TOKEN_REGISTRY, HARBOR_CORE;

        String scriptName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Path SCRIPT = Path.of("scripts", "stack.sh");
    private static final long SCRIPT_SECONDS = 120;

    private final TestStack stack;

    public StackControl(TestStack stack) {
        this.stack = stack;
    }

    /** Crashes the component with SIGKILL and waits until it is gone. */
    public void kill(Component component) {
        run("kill", component.scriptName());
    }

    /** Starts whatever is not running and waits until each part answers. */
    public void startAll() {
        run("start");
    }

    private void run(String... args) {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(SCRIPT.toAbsolutePath() + " not found: run the tests from the project folder");
        }
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("STACK_DIR", stack.stackDir().toString());
        env.put("REGISTRY_PORT", port(stack.registry()));
        env.put("DENY_PORT", port(stack.denyRegistry()));
        env.put("HARBOR_PORT", port(stack.harbor()));
        env.put("HARBOR_API_PORT", Integer.toString(stack.harborApiPort()));
        if (stack.tokenHarbor() != null) {
            env.put("TOKEN_REGISTRY_PORT", port(stack.tokenHarbor().tokenRegistry()));
            env.put("HARBOR_CORE_PORT", port(stack.tokenHarbor().core()));
            env.put("GATEWAY_PORT", port(stack.tokenHarbor().gateway()));
            env.put("BUFFERING_GATEWAY_PORT", port(stack.tokenHarbor().bufferingGateway()));
            env.put("TOKEN_LIFETIME", Integer.toString(stack.tokenHarbor().tokenLifetimeSeconds()));
        }
        if (stack.tlsRegistry() == null) {
            env.put("TLS_HOST", "none");
        } else {
            env.put("TLS_HOST", stack.tlsRegistry().substring(0, stack.tlsRegistry().lastIndexOf(':')));
            env.put("TLS_PORT", port(stack.tlsRegistry()));
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + SCRIPT, e);
        }
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }
}
