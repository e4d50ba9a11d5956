package io.github.harborupload.problems;

import io.github.harborupload.docker.EngineUnreachableException;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.docker.RegistryLoginException;
import io.github.harborupload.docker.config.ConfigFileException;
import io.github.harborupload.docker.config.CredentialHelperException;
import io.github.harborupload.harbor.HarborCheck;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.pusher.SpoolSpaceException;
import io.github.harborupload.registry.RegistryException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Turns failures, and the signs of a push in trouble, into {@link Problem}s. */
public final class Problems {

    static final String BUNDLE = "io.github.harborupload.problems.messages";

    /** Problems about reaching or talking to the registry: they name the address they tried. */
    private static final Set<ProblemType> ABOUT_THE_REGISTRY = EnumSet.of(
            ProblemType.LOGIN_FAILED, ProblemType.REGISTRY_NOT_FOUND, ProblemType.REGISTRY_UNREACHABLE,
            ProblemType.TLS_CERTIFICATE, ProblemType.REGISTRY_NOT_HTTPS, ProblemType.PROXY_BODY_TOO_LARGE,
            ProblemType.GATEWAY_TIMEOUT_AFTER_UPLOAD, ProblemType.GATEWAY_TIMEOUT_LAYER_STORED,
            ProblemType.GATEWAY_TIMEOUT_LAYER_MISSING, ProblemType.REGISTRY_UNAVAILABLE);

    private Problems() {
    }

    /** Any failure: the engine layer's exceptions by type, anything else by its text. */
    public static Problem of(Throwable failure) {
        return of(failure, ProblemContext.none());
    }

    public static Problem of(Throwable failure, ProblemContext context) {
        Objects.requireNonNull(failure, "failure");
        ProblemContext known = context.orElse(contextOf(failure));
        return build(ProblemRules.classify(failure), Details.of(failure), known, factsOf(failure));
    }

    /**
     * A failure nobody expected, for a log or a crash report: each exception of its chain with its
     * stack frames, and its message with anything that looks like a secret masked, as in a
     * problem's detail. Never the raw message, which may quote a request.
     */
    public static String forLog(Throwable failure) {
        return Details.trace(Objects.requireNonNull(failure, "failure"));
    }

    /**
     * An import the platform answered but does not list afterwards
     * ({@code PlatformSession.importAndConfirm} said not confirmed).
     */
    /** The project's quota, checked before the push, leaves less room than the image's size. */
    public static Problem ofQuotaTooSmall(long imageBytes, StorageQuota quota, ProblemContext context) {
        String detail = "image " + imageBytes + " bytes; project quota used " + quota.usedBytes() + " of "
                + quota.limitBytes() + " bytes";
        return build(ProblemType.QUOTA_TOO_SMALL, detail, context, List.of(text("fact.room",
                Sizes.bytes(imageBytes), Sizes.bytes(quota.freeBytes().orElse(0)), Sizes.bytes(quota.limitBytes()))));
    }

    public static Problem ofUnconfirmedImport(String imageLink) {
        Objects.requireNonNull(imageLink, "imageLink");
        String detail = "POST /api/v1/images/image answered, but GET /api/v1/images/image does not list " + imageLink;
        return build(ProblemType.PLATFORM_IMPORT_NOT_CONFIRMED, detail, ProblemContext.none(),
                List.of(text("fact.link", imageLink)));
    }

    /**
     * A note, not a failure: the gateway in front of Harbor answered these layers' commits with a
     * timeout, and the pusher then found them stored ({@code UploadedBlob.foundAfterFailedCommit},
     * gathered in {@code PushSnapshot.storedAfterGatewayTimeout}); one note names them all.
     */
    public static Problem ofLayersStoredAfterGatewayTimeout(List<String> layerDigests, ProblemContext context) {
        if (layerDigests.isEmpty()) {
            throw new IllegalArgumentException("no layer was stored after a gateway timeout");
        }
        List<Text> facts = layerDigests.stream().map(digest -> text("fact.layer", digest)).toList();
        return build(ProblemType.GATEWAY_TIMEOUT_LAYER_STORED, "commit of " + String.join(", ", layerDigests)
                + " answered with a gateway timeout; HEAD then found the blob", context, facts);
    }

    /** The error text that ended a push stream (or any engine text), e.g. "denied: …". */
    public static Problem ofMessage(String engineText, ProblemContext context) {
        Objects.requireNonNull(engineText, "engineText");
        String detail = Details.scrub(engineText);
        return build(ProblemRules.classify(detail), detail, context);
    }

    /**
     * A running push that looks wrong: {@link ProblemType#RETRYING_FOREVER} when a layer keeps
     * retrying, else {@link ProblemType#STALLED} when nothing moved for a while; empty when all is well.
     */
    public static Optional<Problem> ofSignals(PushSnapshot running, ProblemContext context) {
        if (running.isFinished()) {
            return Optional.empty();
        }
        ProblemType type;
        if (running.retryingRepeatedly()) {
            type = ProblemType.RETRYING_FOREVER;
        } else if (running.stalled()) {
            type = ProblemType.STALLED;
        } else {
            return Optional.empty();
        }
        ProblemContext known = context.withRetries(Math.max(context.retries(), running.retries()));
        return Optional.of(build(type, describe(running), known));
    }

    private static ProblemContext contextOf(Throwable failure) {
        ProblemContext thrown = ProblemContext.none();
        for (Throwable link : Details.chain(failure)) {
            if (link instanceof EngineUnreachableException unreachable) {
                thrown = thrown.orElse(ProblemContext.none().withEndpoint(unreachable.endpoint()));
            } else if (link instanceof ImageNotFoundException missing) {
                thrown = thrown.orElse(ProblemContext.none().withImage(missing.image()));
            } else if (link instanceof RegistryLoginException login) {
                thrown = thrown.orElse(ProblemContext.none().withRegistry(login.registry()));
            }
        }
        return thrown;
    }

    /**
     * What a failure itself says, before anything else: the Docker config file or credential helper
     * at fault; why an import was refused before sending, and the platform's own message, which its
     * web frontend shows as it is.
     */
    private static List<Text> factsOf(Throwable failure) {
        List<Text> facts = new ArrayList<>();
        for (Throwable link : Details.chain(failure)) {
            if (link instanceof ConfigFileException file) {
                facts.add(text("fact.file", file.file()));
                break;
            }
            if (link instanceof SpoolSpaceException disk) {
                facts.add(text("fact.spool_space", disk.folder(), Sizes.bytes(disk.usable()), Sizes.bytes(disk.needed())));
                break;
            }
            if (link instanceof CredentialHelperException helper) {
                facts.add(text("fact.helper", helper.program()));
                break;
            }
            if (link instanceof RegistryException registry && registry.bodyLimit().isPresent()) {
                facts.add(text("fact.body_limit", Sizes.bytes(registry.bodyLimit().getAsLong())));
                break;
            }
            if (link instanceof PlatformException platform) {
                // The platform's own words first; then ours (a refused sign-in's hint at the other method).
                if (platform.kind() == PlatformException.Kind.SERVER_ERROR && !platform.serverMessage().isBlank()) {
                    facts.add(text("fact.server_message", Details.scrub(platform.serverMessage())));
                }
                platform.reasons().forEach(reason -> facts.add(text("fact.reason", reason)));
                break;
            }
        }
        return facts;
    }

    /** A problem of a known type; package-private so the tests can render every type. */
    static Problem build(ProblemType type, String detail, ProblemContext context) {
        return build(type, detail, context, List.of());
    }

    private static Problem build(ProblemType type, String detail, ProblemContext context, List<Text> ownFacts) {
        ProblemContext known = context;
        if (ABOUT_THE_REGISTRY.contains(type) && known.registry() == null) {
            known = known.withRegistry(EngineTextFacts.registryHost(detail).orElse(null));
        }
        if (type == ProblemType.IMAGE_NOT_FOUND && known.image() == null) {
            known = known.withImage(EngineTextFacts.missingImage(detail).orElse(null));
        }
        List<Text> causes = new ArrayList<>(ownFacts);
        causes.addAll(facts(type, detail, known));
        Object registry = known.registry() != null ? known.registry() : text("arg.registry");
        for (int n = 1; n <= type.causeCount(); n++) {
            causes.add(text(type.key() + ".cause." + n, registry));
        }
        List<Text> actions = new ArrayList<>();
        for (int n = 1; n <= type.actionCount(); n++) {
            actions.add(text(type.key() + ".action." + n, registry));
        }
        return new Problem(type, type.title(), causes, actions, detail, known);
    }

    /** What this failure's own text and context tell, as causes that come before the general ones. */
    private static List<Text> facts(ProblemType type, String detail, ProblemContext known) {
        List<Text> facts = new ArrayList<>();
        switch (type) {
            case QUOTA_EXCEEDED -> EngineTextFacts.quota(detail).ifPresent(quota -> facts.add(quota.adding() != null
                    ? text("fact.quota", quota.adding(), quota.used(), quota.limit())
                    : text("fact.quota_usage", quota.used(), quota.limit())));
            case NO_PERMISSION -> EngineTextFacts.refusedRepository(detail).ifPresent(refused ->
                    facts.add(text("fact.repository", refused.repository(), refused.action())));
            case IMAGE_NOT_FOUND -> {
                if (known.image() != null) {
                    facts.add(text("fact.image", known.image()));
                }
            }
            case ENGINE_UNREACHABLE, ENGINE_TLS -> {
                if (known.endpoint() != null) {
                    facts.add(text("fact.endpoint", known.endpoint()));
                }
            }
            // The registry was reached and answered 401: what it says, not where it is, comes first.
            case LOGIN_FAILED -> facts.add(text("fact.refused",
                    known.registry() != null ? known.registry() : text("arg.registry")));
            default -> {
                if (ABOUT_THE_REGISTRY.contains(type) && known.registry() != null) {
                    facts.add(text("fact.registry", known.registry()));
                }
            }
        }
        if (known.retries() > 0 && type != ProblemType.CANCELLED) {
            facts.add(text("fact.retries", known.retries()));
        }
        return facts;
    }

    /** The detail of a push in trouble: its numbers and its layers, for an administrator. */
    private static String describe(PushSnapshot push) {
        StringBuilder text = new StringBuilder();
        text.append("push to ").append(push.repository() == null ? "?" : push.repository())
                .append(": ").append(push.bytesDone()).append(" of ").append(orUnknown(push.bytesTotal())).append(" bytes, ")
                .append(push.retries()).append(" retries, no progress for ")
                .append(push.secondsWithoutProgress()).append(" s");
        for (LayerSnapshot layer : push.layers()) {
            text.append('\n').append(layer.id()).append(' ').append(layer.state())
                    .append(' ').append(layer.bytes()).append('/').append(orUnknown(layer.total()));
            if (layer.retries() > 0) {
                text.append(", retried ").append(layer.retries()).append(" times");
            }
        }
        return text.toString();
    }

    private static String orUnknown(long bytes) {
        return bytes < 0 ? "?" : Long.toString(bytes);
    }

    private static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
