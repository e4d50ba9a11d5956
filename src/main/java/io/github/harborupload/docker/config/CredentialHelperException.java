package io.github.harborupload.docker.config;

/**
 * A {@code docker-credential-<name>} helper could not do what was asked. The message names the
 * program and the action; it never holds what was sent to the helper, nor a secret it printed.
 */
public class CredentialHelperException extends DockerConfigException {

    /** Why the helper call failed. */
    public enum Reason {
        /** The program is not on the PATH. */
        NOT_INSTALLED,
        /** It could not be started, or it exited with a non-zero code. */
        FAILED,
        /** It did not finish in time and was stopped. */
        TIMED_OUT,
        /** It exited normally but printed something that is not the protocol's JSON. */
        BAD_OUTPUT
    }

    private final String program;
    private final Reason reason;

    public CredentialHelperException(String program, Reason reason, String message) {
        super(message);
        this.program = program;
        this.reason = reason;
    }

    /** The helper's program name, e.g. {@code docker-credential-secretservice}. */
    public String program() {
        return program;
    }

    public Reason reason() {
        return reason;
    }
}
