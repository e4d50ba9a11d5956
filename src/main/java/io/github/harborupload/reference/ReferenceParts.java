package io.github.harborupload.reference;

import java.util.Locale;

/**
 * A reference cut into {@code [domain/]path[:tag][@digest]} without judging the parts, so even a name
 * docker would refuse (such as {@code My_Project/Train:V1}) can seed a suggestion. Absent parts are
 * null; a {@code :} or {@code @} with nothing after it gives an empty part.
 *
 * <p>The first path component is the domain when it contains {@code .} or {@code :}, is
 * {@code localhost}, or has a capital letter (docker's rule, normalize.go splitDockerDomain: a
 * repository is lowercase, so a capitalised first part can only be a host); otherwise there is no
 * domain and docker would use docker.io.
 */
record ReferenceParts(String domain, String path, String tag, String digest) {

    static ReferenceParts split(String reference) {
        String name = reference;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        int slash = name.indexOf('/');
        if (slash >= 0 && isDomain(name.substring(0, slash))) {
            return new ReferenceParts(name.substring(0, slash), name.substring(slash + 1), tag, digest);
        }
        return new ReferenceParts(null, name, tag, digest);
    }

    /**
     * Whether the domain is one only for its capitals ({@code MyLab/train}): docker would send it
     * there, though the user most likely meant a name.
     */
    boolean domainByCapitalsOnly() {
        return domain != null && !looksLikeHost(domain) && hasCapitals(domain);
    }

    private static boolean isDomain(String component) {
        return looksLikeHost(component) || hasCapitals(component);
    }

    private static boolean looksLikeHost(String component) {
        return component.indexOf('.') >= 0 || component.indexOf(':') >= 0 || component.equals("localhost");
    }

    private static boolean hasCapitals(String component) {
        return !component.toLowerCase(Locale.ROOT).equals(component);
    }
}
