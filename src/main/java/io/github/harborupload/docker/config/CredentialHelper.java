package io.github.harborupload.docker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.config.CredentialHelperException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One {@code docker-credential-<name>} program (secretservice, osxkeychain, wincred, desktop, pass,
 * …), spoken to with the protocol of docker/docker-credential-helpers: the action is the argument,
 * the request comes on standard input, the answer is JSON on standard output. Every call has a
 * time limit; the program is killed when it runs over.
 *
 * <p>The program is looked up on the environment's PATH at each call, and runs with exactly that
 * environment (a keychain helper needs its session variables, so pass the real one).
 */
public final class CredentialHelper {

    /** The user name a helper returns for an identity token; the secret is then the token. */
    public static final String IDENTITY_TOKEN_USERNAME = "<token>";
    public static final String PROGRAM_PREFIX = "docker-credential-";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final String NOT_FOUND = "credentials not found in native keychain";
    /** A name, not a path: {@code credsStore: "../../tmp/x"} must not run a program elsewhere (issue 13, item 4). */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_OUTPUT_IN_MESSAGE = 300;

    private final String name;
    private final Map<String, String> env;
    private final SearchPath searchPath;
    private final Duration timeout;

    /**
     * @param name    the part after {@code docker-credential-}, as in {@code credsStore}
     * @param env     the environment: its PATH finds the program, and the program runs with it
     * @param osName  Java's {@code os.name}; on Windows the program ends in {@code .exe}
     * @param timeout how long one call may take
     */
    public CredentialHelper(String name, Map<String, String> env, String osName, Duration timeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.env = Map.copyOf(env);
        this.searchPath = new SearchPath(env, osName);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public String name() {
        return name;
    }

    public String program() {
        return PROGRAM_PREFIX + name;
    }

    /** Whether the program is on the PATH. */
    public boolean isInstalled() {
        return VALID_NAME.matcher(name).matches() && searchPath.find(program()).isPresent();
    }

    /**
     * The login the helper keeps for this server URL, or empty when it has none ("credentials not
     * found"). An identity token comes back with the user name {@link #IDENTITY_TOKEN_USERNAME}.
     *
     * @throws CredentialHelperException when the helper is missing, fails, runs over time or prints
     *                                   something that is not the protocol's answer
     */
    public Optional<Credential> get(String serverUrl) {
        HelperProcess.Result result = run("get", serverUrl);
        if (isNotFound(result)) {
            return Optional.empty();
        }
        requireSuccess("get", result, null);
        JsonNode answer = parseAnswer("get", result.stdout());
        JsonNode secret = answer.path("Secret");
        JsonNode username = answer.path("Username");
        if (!secret.isTextual() || !(username.isTextual() || username.isMissingNode())) {
            throw badOutput("get");
        }
        // Some helpers answer an empty login instead of "not found"; it could not log in anyway.
        if (secret.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credential(username.asText(""), secret.asText()));
    }

    /**
     * Stores the login for this server URL, replacing what the helper had.
     *
     * @throws CredentialHelperException as {@link #get}
     */
    public void store(String serverUrl, Credential credential) {
        ObjectNode request = ConfigJson.MAPPER.createObjectNode()
                .put("ServerURL", serverUrl)
                .put("Username", credential.username())
                .put("Secret", credential.password());
        HelperProcess.Result result = run("store", request.toString() + "\n");
        requireSuccess("store", result, credential.password());
    }

    /**
     * Removes the login for this server URL. One that is not there counts as removed.
     *
     * @throws CredentialHelperException as {@link #get}
     */
    public void erase(String serverUrl) {
        HelperProcess.Result result = run("erase", serverUrl);
        if (!isNotFound(result)) {
            requireSuccess("erase", result, null);
        }
    }

    /**
     * The server URLs the helper keeps logins for, each with its user name, in the helper's order.
     *
     * @throws CredentialHelperException as {@link #get}
     */
    public Map<String, String> list() {
        HelperProcess.Result result = run("list", "unused");
        requireSuccess("list", result, null);
        Map<String, String> usernames = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : parseAnswer("list", result.stdout()).properties()) {
            if (!entry.getValue().isTextual()) {
                throw badOutput("list");
            }
            usernames.put(entry.getKey(), entry.getValue().asText());
        }
        return Collections.unmodifiableMap(usernames);
    }

    private HelperProcess.Result run(String action, String input) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new CredentialHelperException(program(), Reason.NOT_INSTALLED, "\"" + name
                    + "\" is not the name of a credential helper: only letters, digits, '.', '_' and '-' are run");
        }
        Path executable = searchPath.find(program()).orElseThrow(() -> new CredentialHelperException(program(),
                Reason.NOT_INSTALLED, program() + " is not installed: it is not on the PATH"));
        try {
            return HelperProcess.run(executable, action, input, env, timeout);
        } catch (IOException e) {
            throw new CredentialHelperException(program(), Reason.FAILED,
                    program() + " " + action + " could not be started: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new CredentialHelperException(program(), Reason.TIMED_OUT,
                    program() + " " + action + " did not finish within " + timeout.toMillis() + " ms and was stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialHelperException(program(), Reason.TIMED_OUT,
                    program() + " " + action + " was stopped because the wait for it was interrupted");
        }
    }

    private static boolean isNotFound(HelperProcess.Result result) {
        return result.exitCode() != 0
                && (result.stdout().contains(NOT_FOUND) || result.stderr().contains(NOT_FOUND));
    }

    /**
     * Helpers print their error on standard output (some on standard error). It goes into the message
     * for diagnosis, unless it contains the secret being stored, which a broken helper might echo.
     */
    private void requireSuccess(String action, HelperProcess.Result result, String secret) {
        if (result.exitCode() == 0) {
            return;
        }
        String output = result.stdout().isBlank() ? result.stderr().strip() : result.stdout().strip();
        String detail;
        if (output.isEmpty()) {
            detail = "";
        } else if (secret != null && !secret.isEmpty() && (output.contains(secret) || output.contains(jsonEscaped(secret)))) {
            detail = " (its output is not shown because it contains the secret)";
        } else {
            detail = ": " + shorten(output);
        }
        throw new CredentialHelperException(program(), Reason.FAILED,
                program() + " " + action + " failed with exit code " + result.exitCode() + detail);
    }

    /** The answer as JSON. Jackson's messages quote the text, which may be a secret, so they are dropped. */
    private JsonNode parseAnswer(String action, String stdout) {
        try {
            JsonNode answer = ConfigJson.MAPPER.readTree(stdout);
            if (answer == null || !answer.isObject()) {
                throw badOutput(action);
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw badOutput(action);
        }
    }

    private CredentialHelperException badOutput(String action) {
        return new CredentialHelperException(program(), Reason.BAD_OUTPUT,
                program() + " " + action + " answered with something that is not the credential helper protocol's JSON");
    }

    private static String jsonEscaped(String text) {
        String quoted = ConfigJson.MAPPER.getNodeFactory().textNode(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_OUTPUT_IN_MESSAGE ? text : text.substring(0, MAX_OUTPUT_IN_MESSAGE) + "…";
    }
}
