package io.github.harborupload.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Docker image reference {@code [domain/]path[:tag][@digest]} that follows distribution/reference's
 * grammar: path components of lowercase letters and digits joined by {@code .}, {@code _}, {@code __}
 * or runs of {@code -}; the path at most 255 characters; tag {@code [\w][\w.-]{0,127}}; digest
 * {@code algorithm:hex} with a registered algorithm, its exact length and lowercase hex. The domain
 * is told from the path the way docker does it (see {@link ReferenceParts}), so {@code ubuntu:22.04},
 * {@code local/five-layers:1}, {@code 127.0.0.1:5000/x/y:1} and {@code nvcr.io/nvidia/pytorch:24.12-py3}
 * all parse. A bracketed IPv6 domain such as {@code [::1]:5000} is accepted too. Where docker reads a
 * name otherwise than a user would, the check says so: {@code MyLab/train} goes to a registry called
 * MyLab ({@link Rule#REGISTRY_FROM_CAPITALS}), and 64 hex digits alone are an image ID
 * ({@link Rule#REPOSITORY_IMAGE_ID}). src/test/resources/…/reference/upstream-names.txt holds docker's
 * own test tables, which this grammar passes.
 */
public final class ImageReference {

    /** Where docker looks for a name without a domain. */
    public static final String DEFAULT_DOMAIN = "docker.io";

    private final ReferenceParts parts;

    private ImageReference(ReferenceParts parts) {
        this.parts = parts;
    }

    /** The reference, or empty when it breaks the grammar ({@link #check(String)} says how). */
    public static Optional<ImageReference> parse(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        ReferenceParts parts = ReferenceParts.split(reference);
        return check(parts).isValid() ? Optional.of(new ImageReference(parts)) : Optional.empty();
    }

    /** Every grammar rule the reference breaks; never throws, and null counts as empty. */
    public static Validation check(String reference) {
        if (reference == null || reference.isEmpty()) {
            return new Validation(List.of(NamingRules.violation(Rule.REPOSITORY_EMPTY)));
        }
        return check(ReferenceParts.split(reference));
    }

    private static Validation check(ReferenceParts parts) {
        List<Violation> out = new ArrayList<>(2);
        NamingRules.domainFromCapitals(parts, out);
        if (parts.domain() != null) {
            NamingRules.registry(parts.domain(), out);
        }
        NamingRules.imageId(parts, out);
        NamingRules.repository(parts.path(), out);
        NamingRules.nameLength(parts.path().length(), out);
        if (parts.tag() != null) {
            NamingRules.tag(parts.tag(), out);
        }
        if (parts.digest() != null) {
            NamingRules.digest(parts.digest(), out);
        }
        return new Validation(out);
    }

    /** The domain as written, such as {@code nvcr.io} or {@code 127.0.0.1:5000}. */
    public Optional<String> domain() {
        return Optional.ofNullable(parts.domain());
    }

    /** The domain as written, or docker.io when none was. */
    public String registry() {
        return parts.domain() != null ? parts.domain() : DEFAULT_DOMAIN;
    }

    /** The name without the domain, as written: {@code ubuntu} stays {@code ubuntu} (no {@code library/}). */
    public String path() {
        return parts.path();
    }

    public Optional<String> tag() {
        return Optional.ofNullable(parts.tag());
    }

    public Optional<String> digest() {
        return Optional.ofNullable(parts.digest());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageReference that && parts.equals(that.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts);
    }

    /** The reference as written. */
    @Override
    public String toString() {
        return (parts.domain() == null ? "" : parts.domain() + "/") + parts.path()
                + (parts.tag() == null ? "" : ":" + parts.tag())
                + (parts.digest() == null ? "" : "@" + parts.digest());
    }
}
