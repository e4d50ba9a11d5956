package io.github.harborupload.benchmarks;

import java.util.Map;

/**
 * The benchmarks empty the registry and add a thousand tags: never on the stack other people's tests
 * use. {@code scripts/benchmark.sh} starts a private one (its own STACK_DIR and ports).
 */
final class PrivateStack {

    private static final String SHARED_DIR = "/tmp/harbor-upload-stack";

    private PrivateStack() {
    }

    /** @throws IllegalStateException when the variables point at the shared stack, or at none */
    static void require(Map<String, String> env) {
        String dir = env.get("TEST_STACK_DIR");
        if (dir == null || env.get("TEST_REGISTRY") == null || env.get("DOCKER_HOST") == null) {
            throw new IllegalStateException("no stack variables; run this through scripts/benchmark.sh");
        }
        if (dir.equals(SHARED_DIR) || !dir.equals(env.get("STACK_DIR"))) {
            throw new IllegalStateException("refusing to run on the stack in " + dir
                    + ": the benchmark empties its registry; give it a private one (scripts/benchmark.sh does)");
        }
    }
}
