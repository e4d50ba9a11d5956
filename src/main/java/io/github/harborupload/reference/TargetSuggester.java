package io.github.harborupload.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Proposes a Harbor target for a local image, valid whenever the username and registry are.
 *
 * <p>The repository joins every path component after the domain with {@code -}
 * ({@code nvcr.io/nvidia/pytorch} becomes {@code nvidia-pytorch}, as in the platform guide's
 * {@code user-liuyizhou/nvidia-pytorch}), so where the image came from stays visible and two
 * {@code pytorch} images from different sources do not collide. Only when that link would pass the
 * platform's 128 characters is the last component used alone, and only when even that is too long are
 * repository and tag cut, the longer one first. Names are lowercased and anything outside the grammar
 * becomes {@code -}. The tag is kept when valid, cleaned up when not, and {@code latest} when absent.
 * An image without a usable name ({@code <none>:<none>}) is named after its ID: {@code image-<12 hex>}.
 *
 * <p>A name in the target registry's own {@code user-<name>} project is the tag an earlier push left
 * behind ({@code <harbor>/user-alice/train:1}): its project is dropped with its domain, so the
 * proposal is {@code user-alice/train}, not {@code user-alice/user-alice-train}.
 */
public final class TargetSuggester {

    public static final String DEFAULT_TAG = "latest";

    private static final String NONE = "<none>";
    private static final String FALLBACK_REPOSITORY = "image";
    private static final int ID_DIGITS = 12;

    private TargetSuggester() {
    }

    /**
     * @param localName a {@code repo:tag} of the local image as docker lists it, or null
     * @param imageId   the image ID ({@code sha256:…}), used when the name is missing; may be null
     * @param username  the Harbor username; the project is {@link HarborTarget#projectFor(String)}
     * @param registry  the registry host, such as {@code gpu-harbor.act.buaa.edu.cn}
     * @return a target; when the username or registry is invalid, or so long that nothing fits in
     *     128 characters, its {@link HarborTarget#validate()} names that as the reason
     */
    public static HarborTarget suggest(String localName, String imageId, String username, String registry) {
        String host = registry == null ? "" : registry.strip();
        String project = HarborTarget.projectFor(username);
        ReferenceParts parts = usableName(localName) ? ReferenceParts.split(localName.strip()) : null;
        List<String> components = parts == null ? List.of() : nameComponents(parts, host);

        String joined = NameCleaner.repositoryComponent(String.join("-", components));
        String last = components.isEmpty() ? "" : NameCleaner.repositoryComponent(components.get(components.size() - 1));
        if (joined.isEmpty()) {
            joined = idName(imageId);
        }
        if (last.isEmpty()) {
            last = joined;
        }
        String tag = cleanTag(parts == null ? null : parts.tag());

        int budget = HarborTarget.MAX_LINK_LENGTH - (host.length() + 1 + project.length() + 1) - 1;
        if (joined.length() + tag.length() <= budget) {
            return new HarborTarget(host, project, joined, tag);
        }
        if (last.length() + tag.length() <= budget) {
            return new HarborTarget(host, project, last, tag);
        }
        int repositoryLength = Math.max(1, Math.min(last.length(), Math.max(budget / 2, budget - tag.length())));
        int tagLength = Math.max(1, Math.min(tag.length(), budget - repositoryLength));
        return new HarborTarget(host, project,
                NameCleaner.trimRepositoryEnd(last.substring(0, repositoryLength)),
                NameCleaner.trimTagEnd(tag.substring(0, tagLength)));
    }

    /**
     * Whether a local name is the tag an earlier push left behind: it names the target registry's
     * own {@code user-<name>} project ({@code <harbor>/user-alice/train:1}).
     */
    public static boolean isEarlierUpload(String localName, String registry) {
        return usableName(localName) && inOurProject(ReferenceParts.split(localName.strip()), registry == null ? "" : registry.strip());
    }

    private static boolean inOurProject(ReferenceParts parts, String host) {
        return parts.domain() != null && parts.domain().equalsIgnoreCase(host)
                && parts.path().startsWith(HarborTarget.PROJECT_PREFIX) && parts.path().indexOf('/') > 0;
    }

    private static boolean usableName(String localName) {
        if (localName == null || localName.isBlank()) {
            return false;
        }
        String name = localName.strip();
        return !name.startsWith(NONE) && !name.startsWith("sha256:");
    }

    /**
     * The path after the domain (and a domain that is one only for its capitals), without docker's
     * implied {@code library/} in front of official images, nor a {@code user-<name>} project of the
     * registry the image goes to.
     */
    private static List<String> nameComponents(ReferenceParts parts, String host) {
        List<String> components = new ArrayList<>(Arrays.asList(parts.path().split("/")));
        if (parts.domainByCapitalsOnly()) {
            // Docker takes "My_Project" in My_Project/train for a host; the user meant a name: keep it.
            components.add(0, parts.domain());
        }
        boolean dockerHub = parts.domain() == null || parts.domain().equals(ImageReference.DEFAULT_DOMAIN);
        if (dockerHub && components.size() > 1 && components.get(0).equals("library")) {
            components.remove(0);
        }
        if (inOurProject(parts, host)) {
            components.remove(0);
        }
        return components;
    }

    /** The tag cleaned by {@link NameCleaner#tag(String)}, or {@code latest} when absent or nothing is left. */
    static String cleanTag(String raw) {
        if (raw == null || raw.equals(NONE)) {
            return DEFAULT_TAG;
        }
        String tag = NameCleaner.tag(raw);
        return tag.isEmpty() ? DEFAULT_TAG : tag;
    }

    private static String idName(String imageId) {
        if (imageId == null) {
            return FALLBACK_REPOSITORY;
        }
        String hex = imageId.substring(imageId.indexOf(':') + 1).toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
        return hex.isEmpty() ? FALLBACK_REPOSITORY
                : FALLBACK_REPOSITORY + "-" + hex.substring(0, Math.min(ID_DIGITS, hex.length()));
    }
}
