package io.github.harborupload.flow;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the program takes from the machine it runs on: the environment variables (DOCKER_HOST,
 * DOCKER_CONTEXT, DOCKER_CONFIG, PATH…), the operating system and the home folder. Passed in
 * rather than read in place, so tests and the demo can point the whole program elsewhere.
 */
public record Environment(Map<String, String> variables, String osName, Path home) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment current() {
        return new Environment(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
