package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.harbor.HarborAddress;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.reference.HarborTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A signed-in session: the calls under {@code /api/v1}, with the access token as a Bearer header.
 *
 * <p>When the platform answers HTTP 401 with code 40101 (TokenExpired), the session renews its
 * tokens once ({@code POST /api/auth/refresh}) and repeats the call once, as the web frontend does
 * (frontend/src/services/client.ts). When renewing fails, the call fails with
 * {@link PlatformException.Kind#SESSION_EXPIRED}. Safe to use from several threads.
 */
public final class PlatformSession {

    private static final double BYTES_PER_GIB = 1L << 30;

    private final PlatformClient client;
    private SessionTokens tokens;
    private Consumer<SessionTokens> onRenewed = renewed -> { };

    PlatformSession(PlatformClient client, SessionTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public URI address() {
        return client.address();
    }

    /** The platform user this session belongs to. */
    public String username() {
        return tokens().username();
    }

    /** The current tokens (they change when renewed), for keeping the user signed in. */
    public synchronized SessionTokens tokens() {
        return tokens;
    }

    /** Called with the new tokens each time they are renewed, e.g. to update a kept session. */
    public synchronized void onTokensRenewed(Consumer<SessionTokens> listener) {
        onRenewed = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The platform's build ({@code GET /api/auth/check}), e.g. {@code v1.4.2 (b2f19348, release)},
     * for {@code --verbose} and problem reports; empty when the server does not say. After this,
     * the session's failures name the build in their details.
     */
    public Optional<String> serverBuild() throws PlatformException {
        return client.rememberServerBuild(call(Endpoint.AUTH_CHECK, null, PlatformClient.MAX_ANSWER_BYTES));
    }

    /**
     * The Harbor registry host for image names, e.g. {@code gpu-harbor.act.buaa.edu.cn}
     * ({@code GET /api/v1/images/harbor}; the platform sends it as {@code https://…}).
     */
    public String harborRegistry() throws PlatformException {
        Fields data = Fields.of(Endpoint.HARBOR_ADDRESS, call(Endpoint.HARBOR_ADDRESS, null, PlatformClient.MAX_ANSWER_BYTES), "data");
        String host = HarborAddress.withoutScheme(data.text("ip"));
        if (host.isEmpty()) {
            throw PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, Endpoint.HARBOR_ADDRESS)
                    .detail("data.ip is empty").build();
        }
        return host;
    }

    /**
     * New Harbor credentials ({@code POST /api/v1/images/credential}). This RESETS the Harbor
     * password: the platform deletes the Harbor user and creates it again
     * (backend/internal/handler/image/harbor.go: UserGetProjectCredential), so a password saved
     * anywhere before stops working at once. Ask the user first.
     */
    public Credential resetHarborCredentials() throws PlatformException {
        Fields data = Fields.of(Endpoint.CREDENTIAL, call(Endpoint.CREDENTIAL, null, PlatformClient.MAX_ANSWER_BYTES), "data");
        return new Credential(data.text("name"), data.text("password"));
    }

    /**
     * The user's Harbor storage ({@code GET /api/v1/images/quota}); the platform reports GiB.
     * Empty when the platform could not ask Harbor: it then still answers success, with zeros
     * and an empty project (backend/internal/handler/image/harbor.go: UserGetProjectDetail).
     */
    public Optional<StorageQuota> quota() throws PlatformException {
        Fields data = Fields.of(Endpoint.QUOTA, call(Endpoint.QUOTA, null, PlatformClient.MAX_ANSWER_BYTES), "data");
        double used = data.number("used");
        double limit = data.number("quota");
        String project = data.optionalText("project");
        if (project == null || project.isEmpty()) {
            return Optional.empty();
        }
        // Harbor's -1 (unlimited) arrives as a tiny negative number of GiB.
        long limitBytes = limit < 0 ? StorageQuota.UNLIMITED : Math.round(limit * BYTES_PER_GIB);
        return Optional.of(new StorageQuota(Math.round(used * BYTES_PER_GIB), limitBytes));
    }

    /**
     * Registers the link ({@code POST /api/v1/images/image}), sending every field any version
     * reads. Refused here, before sending, when {@link ImportRequest#issues()} is not empty.
     * A success answer does not prove the platform kept it; see {@link #importAndConfirm}.
     */
    public void importImage(ImportRequest request) throws PlatformException {
        refuseInvalid(request, Endpoint.IMPORT);
        ObjectNode body = Envelope.JSON.createObjectNode()
                .put("imageLink", request.imageLink().strip())
                .put("description", request.description())
                .put("taskType", request.taskType().value())
                .put("imageName", request.imageName())
                .put("imageTag", request.imageTag());
        ArrayNode tags = body.putArray("tags");
        request.tags().forEach(tags::add);
        // An empty list is stored as it is and hides the image from jobs; left out (null), the
        // platform shows its default, linux/amd64 (handler/image/image.go).
        if (!request.archs().isEmpty()) {
            ArrayNode archs = body.putArray("archs");
            request.archs().forEach(archs::add);
        }
        call(Endpoint.IMPORT, body, PlatformClient.MAX_ANSWER_BYTES);
    }

    private static void refuseInvalid(ImportRequest request, Endpoint endpoint) throws PlatformException {
        if (!request.issues().isEmpty()) {
            throw PlatformException.of(PlatformException.Kind.INVALID_IMPORT, endpoint)
                    .reasons(request.issues())
                    .detail("not sent: link " + request.imageLink().length() + " characters (at most "
                            + HarborTarget.MAX_LINK_LENGTH + "), description " + request.description().length()
                            + " characters (at most " + ImportRequest.MAX_DESCRIPTION_LENGTH + ")")
                    .build();
        }
    }

    /**
     * Imports, then lists the user's images to see that the platform kept it: the platform can
     * answer success, or nothing at all, without saving (an insert error is only logged). An
     * empty answer is therefore not a failure here: the list decides.
     *
     * <p>The platform never removes duplicates: each import adds a row (crater-harbor-api.md §9).
     * So when the user's list already holds the link, that record is updated instead
     * ({@link #update}) and the outcome says {@code updated}.
     *
     * @return confirmed with the listed image, or not confirmed
     */
    public ImportOutcome importAndConfirm(ImportRequest request) throws PlatformException {
        String link = request.imageLink().strip();
        Optional<PlatformImage> existing = myImage(link);
        if (existing.isPresent()) {
            update(existing.get().id(), request);
            Optional<PlatformImage> saved = myImportedImages().stream().filter(image -> image.id() == existing.get().id()).findFirst();
            return new ImportOutcome(saved.isPresent(), saved, true);
        }
        try {
            importImage(request);
        } catch (PlatformException e) {
            if (e.kind() != PlatformException.Kind.EMPTY_ANSWER) {
                throw e;
            }
        }
        Optional<PlatformImage> saved = myImage(link);
        return new ImportOutcome(saved.isPresent(), saved, false);
    }

    /** The user's newest imported record of this link. */
    private Optional<PlatformImage> myImage(String link) throws PlatformException {
        return myImportedImages().stream()
                .filter(image -> image.link().equals(link))
                .max(Comparator.comparingLong(PlatformImage::id));
    }

    /**
     * Sets the record's description, task type, tags and architectures to the request's, with the
     * endpoints the platform's image page uses (backend/internal/handler/image/interface.go,
     * types.go: each {@code {id, …}}; owner only, else 403 code 40301); architectures only when
     * known. Refused before sending as
     * {@link #importImage} is.
     */
    public void update(long id, ImportRequest request) throws PlatformException {
        refuseInvalid(request, Endpoint.UPDATE_DESCRIPTION);
        call(Endpoint.UPDATE_DESCRIPTION, record(id).put("description", request.description()), PlatformClient.MAX_ANSWER_BYTES);
        call(Endpoint.UPDATE_TASK_TYPE, record(id).put("taskType", request.taskType().value()), PlatformClient.MAX_ANSWER_BYTES);
        ObjectNode tags = record(id);
        request.tags().forEach(tags.putArray("tags")::add);
        call(Endpoint.UPDATE_TAGS, tags, PlatformClient.MAX_ANSWER_BYTES);
        // Unknown architectures leave the record's as they are rather than store an empty list.
        if (!request.archs().isEmpty()) {
            ObjectNode archs = record(id);
            request.archs().forEach(archs.putArray("archs")::add);
            call(Endpoint.UPDATE_ARCHS, archs, PlatformClient.MAX_ANSWER_BYTES);
        }
    }

    private static ObjectNode record(long id) {
        return Envelope.JSON.createObjectNode().put("id", id);
    }

    /**
     * Every image the user can see ({@code GET /api/v1/images/image}): public and shared ones,
     * and their own, newest first.
     */
    public List<PlatformImage> images() throws PlatformException {
        Fields data = Fields.of(Endpoint.LIST_IMAGES, call(Endpoint.LIST_IMAGES, null, PlatformClient.MAX_LIST_BYTES), "data");
        List<PlatformImage> images = new ArrayList<>();
        for (Fields image : data.objects("imageList")) {
            Fields userInfo = image.optionalObject("userInfo");
            String owner = userInfo != null ? userInfo.optionalText("username") : image.optionalText("creatorName");
            Long source = image.optionalInteger("imageBuildSource");
            images.add(new PlatformImage(
                    image.integer("ID"),
                    image.text("imageLink"),
                    image.optionalText("description"),
                    image.optionalText("taskType"),
                    owner,
                    source == null ? null : source.intValue(),
                    image.texts("tags"),
                    image.texts("archs")));
        }
        return images;
    }

    /** The images this user imported (owner is the user, and imported rather than built). */
    public List<PlatformImage> myImportedImages() throws PlatformException {
        String me = username();
        return images().stream().filter(image -> image.importedBy(me)).toList();
    }

    /** One call with the session's token, renewing the token once if it has expired. */
    private JsonNode call(Endpoint endpoint, JsonNode body, int maxBytes) throws PlatformException {
        String token = tokens().accessToken();
        try {
            return client.call(endpoint, token, body, maxBytes);
        } catch (PlatformException expired) {
            if (!expired.tokenExpired()) {
                throw expired;
            }
            String renewed = renew(token, endpoint, expired);
            try {
                return client.call(endpoint, renewed, body, maxBytes);
            } catch (PlatformException again) {
                if (again.tokenExpired()) {
                    throw sessionExpired(endpoint, again, "the renewed token was refused too");
                }
                throw again;
            }
        }
    }

    /**
     * Renews the tokens, unless another thread already did since {@code expiredToken} was sent.
     * A refusal from the platform ends the session; a network failure is reported as it is.
     */
    private synchronized String renew(String expiredToken, Endpoint endpoint, PlatformException expired)
            throws PlatformException {
        if (!tokens.accessToken().equals(expiredToken)) {
            return tokens.accessToken();
        }
        if (tokens.refreshToken().isEmpty()) {
            throw sessionExpired(endpoint, expired, "no refresh token");
        }
        ObjectNode request = Envelope.JSON.createObjectNode().put("refreshToken", tokens.refreshToken());
        JsonNode answer;
        try {
            answer = client.call(Endpoint.REFRESH, null, request, PlatformClient.MAX_ANSWER_BYTES);
        } catch (PlatformException refused) {
            if (refused.kind() == PlatformException.Kind.SERVER_ERROR) {
                throw sessionExpired(endpoint, refused, "renewing the token was refused");
            }
            throw refused;
        }
        Fields data = Fields.of(Endpoint.REFRESH, answer, "data");
        String refreshToken = data.optionalText("refreshToken");
        tokens = new SessionTokens(tokens.address(), tokens.username(), data.text("accessToken"),
                refreshToken == null ? tokens.refreshToken() : refreshToken, tokens.method());
        // Under this lock, so that listeners see renewals in order.
        onRenewed.accept(tokens);
        return tokens.accessToken();
    }

    private static PlatformException sessionExpired(Endpoint endpoint, PlatformException cause, String why) {
        return PlatformException.of(PlatformException.Kind.SESSION_EXPIRED, endpoint)
                .status(cause.status())
                .code(cause.code().isPresent() ? cause.code().getAsInt() : null)
                .serverMessage(cause.serverMessage())
                .detail(why)
                .build(cause);
    }
}
