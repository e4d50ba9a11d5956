package io.github.harborupload.docker.config;

import java.nio.file.Path;

/** The Docker context chosen by {@code DOCKER_CONTEXT} or {@code currentContext} does not exist. */
public class ContextNotFoundException extends DockerConfigException {

    private final String context;
    private final String chosenBy;

    public ContextNotFoundException(String context, String chosenBy, Path metaFile) {
        super("Docker context \"" + context + "\" (chosen by " + chosenBy + ") does not exist: no " + metaFile);
        this.context = context;
        this.chosenBy = chosenBy;
    }

    public String context() {
        return context;
    }

    /** {@code DOCKER_CONTEXT} or {@code currentContext in <file>}. */
    public String chosenBy() {
        return chosenBy;
    }
}
