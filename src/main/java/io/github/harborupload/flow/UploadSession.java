package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.TaskType;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.reference.HarborTarget;
import java.util.List;
import java.util.Optional;

/**
 * What the user has entered and what each step has produced, in one place that every step reads
 * and writes. A face rebuilt mid-way (the language changed) finds everything here, and Back never
 * loses what was typed. Owned by the face's main thread; background work gets copies.
 */
public final class UploadSession {

    // Credentials step: the form as typed or pasted.
    private String pastedText = "";
    private String registry = "";
    private String username = "";
    private String password = "";
    private Credential storedLogin;
    private boolean useStoredLogin;

    // Login step: the login that worked.
    private Credential credential;
    private CredentialStore savedIn;
    private boolean loginRefused;

    // Tag step.
    private String imageFilter = "";
    private ImageChoice image;
    private String project = "";
    /** The project the wizard last proposed; a project that differs from it was typed. */
    private String proposedProject = "";
    private String repository = "";
    private String tag = "";

    // The platform, when the user signed in to it.
    private PlatformSession platform;
    private String platformUsername = "";

    // Push step.
    private PushRun push;

    // Import step.
    private String description = "";
    private TaskType taskType = ImportStep.DEFAULT_TASK_TYPE;
    private boolean imported;
    private boolean importUpdated;
    /** Null until the user chose: then the tags remembered for the repository apply. */
    private List<String> importTags;

    public String pastedText() {
        return pastedText;
    }

    public void setPastedText(String value) {
        pastedText = nonNull(value);
    }

    public String registry() {
        return registry;
    }

    public void setRegistry(String value) {
        registry = nonNull(value).trim();
    }

    public String username() {
        return username;
    }

    public void setUsername(String value) {
        username = nonNull(value).trim();
    }

    public String password() {
        return password;
    }

    public void setPassword(String value) {
        password = nonNull(value);
    }

    /** The typed credential, whether or not it has been checked. */
    public Credential typedCredential() {
        return new Credential(username, password);
    }

    /** A login for {@link #registry()} found in the Docker credential store, if any. */
    public Optional<Credential> storedLogin() {
        return Optional.ofNullable(storedLogin);
    }

    public void setStoredLogin(Credential value) {
        storedLogin = value;
        if (value == null) {
            useStoredLogin = false;
        }
    }

    public boolean useStoredLogin() {
        return useStoredLogin && storedLogin != null;
    }

    public void setUseStoredLogin(boolean value) {
        useStoredLogin = value;
    }

    /** The credential the login step should check: the stored one when the user chose it, else the typed one. */
    public Credential credentialToCheck() {
        return useStoredLogin() ? storedLogin : typedCredential();
    }

    /** The login that the registry accepted, once the login step has passed. */
    public Optional<Credential> credential() {
        return Optional.ofNullable(credential);
    }

    public Optional<CredentialStore> savedIn() {
        return Optional.ofNullable(savedIn);
    }

    public void loggedIn(Credential value, CredentialStore store) {
        credential = value;
        savedIn = store;
        loginRefused = false;
    }

    /** Whether the registry refused the last username and password checked: the password is edited first. */
    public boolean loginRefused() {
        return loginRefused;
    }

    public void setLoginRefused(boolean value) {
        loginRefused = value;
    }

    /** The Harbor account a target is for: the login that worked, else the username typed. */
    public String accountName() {
        return credential().map(Credential::username).orElse(username);
    }

    public void loggedOut() {
        credential = null;
        savedIn = null;
    }

    public String imageFilter() {
        return imageFilter;
    }

    public void setImageFilter(String value) {
        imageFilter = nonNull(value);
    }

    /** The chosen local image, under the name it was chosen by. */
    public Optional<ImageChoice> image() {
        return Optional.ofNullable(image);
    }

    public void setImage(ImageChoice value) {
        image = value;
    }

    public String project() {
        return project;
    }

    /** The project as the user typed it. */
    public void setProject(String value) {
        project = nonNull(value).trim();
    }

    /** The project as the wizard proposes it, which it may replace later unless the user types another. */
    public void proposeProject(String value) {
        setProject(value);
        proposedProject = project;
    }

    /** Whether the project is one the user typed rather than the wizard's proposal. */
    public boolean projectTyped() {
        return !project.isEmpty() && !project.equals(proposedProject);
    }

    public String repository() {
        return repository;
    }

    public void setRepository(String value) {
        repository = nonNull(value).trim();
    }

    public String tag() {
        return tag;
    }

    public void setTag(String value) {
        tag = nonNull(value).trim();
    }

    /** The target as the fields now stand. */
    public HarborTarget target() {
        return new HarborTarget(registry, project, repository, tag);
    }

    public Optional<PlatformSession> platform() {
        return Optional.ofNullable(platform);
    }

    public void setPlatform(PlatformSession value) {
        platform = value;
        if (value != null) {
            platformUsername = value.username();
        }
    }

    /** The platform account's name as last typed, so a new sign-in need not ask again. */
    public String platformUsername() {
        return platformUsername;
    }

    /**
     * Forgets the platform session when the problem says the platform ended it, so the faces offer
     * to sign in again rather than fail the same way.
     *
     * @return whether it was forgotten
     */
    public boolean forgetExpiredPlatform(Problem problem) {
        if (problem.type() != ProblemType.PLATFORM_SESSION_EXPIRED) {
            return false;
        }
        setPlatform(null);
        return true;
    }

    public void setPlatformUsername(String value) {
        platformUsername = nonNull(value).trim();
    }

    public Optional<PushRun> push() {
        return Optional.ofNullable(push);
    }

    public void setPush(PushRun value) {
        push = value;
    }

    /** The finished push's result, when the push step succeeded. */
    public Optional<PushResult> pushResult() {
        return push().flatMap(PushRun::result);
    }

    public String description() {
        return description;
    }

    public void setDescription(String value) {
        description = nonNull(value);
    }

    public TaskType taskType() {
        return taskType;
    }

    public void setTaskType(TaskType value) {
        taskType = value == null ? ImportStep.DEFAULT_TASK_TYPE : value;
    }

    public boolean imported() {
        return imported;
    }

    public void setImported(boolean value) {
        imported = value;
    }

    /** The import updated the user's record of this link rather than adding one. */
    public boolean importUpdated() {
        return importUpdated;
    }

    public void setImportUpdated(boolean value) {
        importUpdated = value;
    }

    /** The tags the user chose for the import; empty until they chose. */
    public Optional<List<String>> importTags() {
        return Optional.ofNullable(importTags);
    }

    public void setImportTags(List<String> value) {
        importTags = value == null ? null : List.copyOf(value);
    }

    /** Starts another image: keeps the login, forgets the image, the target's name and the push. */
    public void startAnotherImage() {
        image = null;
        repository = "";
        tag = "";
        push = null;
        description = "";
        imported = false;
        importUpdated = false;
        importTags = null;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "UploadSession[registry=" + registry + ", username=" + username + ", password=***]";
    }
}
