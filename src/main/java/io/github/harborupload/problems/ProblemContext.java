package io.github.harborupload.problems;

/**
 * What the caller knows about the situation a failure happened in; every part may be unknown. Parts
 * the caller leaves out are taken from the engine's text where it names them.
 *
 * @param registry the registry host (and port), e.g. {@code gpu-harbor.act.buaa.edu.cn}, or null
 * @param image    the image reference involved, or null
 * @param endpoint where the Docker engine was looked for, e.g. {@code unix:///var/run/docker.sock}, or null
 * @param retries  how many times the engine retried layers during the push, 0 when none or unknown
 */
public record ProblemContext(String registry, String image, String endpoint, int retries) {

    private static final ProblemContext NONE = new ProblemContext(null, null, null, 0);

    public static ProblemContext none() {
        return NONE;
    }

    public ProblemContext withRegistry(String value) {
        return new ProblemContext(value, image, endpoint, retries);
    }

    public ProblemContext withImage(String value) {
        return new ProblemContext(registry, value, endpoint, retries);
    }

    public ProblemContext withEndpoint(String value) {
        return new ProblemContext(registry, image, value, retries);
    }

    public ProblemContext withRetries(int value) {
        return new ProblemContext(registry, image, endpoint, value);
    }

    /** This context, with its unknown parts filled in from {@code other}. */
    ProblemContext orElse(ProblemContext other) {
        return new ProblemContext(
                registry != null ? registry : other.registry,
                image != null ? image : other.image,
                endpoint != null ? endpoint : other.endpoint,
                retries > 0 ? retries : other.retries);
    }
}
