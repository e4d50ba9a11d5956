package io.github.harborupload.reference;

/**
 * A naming rule an image reference or a Harbor target can break. Errors block the wizard's Next;
 * warnings ({@link #isError()} false) are shown and do not block.
 */
public enum Rule {
    REGISTRY_EMPTY(Part.REGISTRY),
    /** Not {@code host[:port]} (a domain name, IPv4 or bracketed IPv6, optional port). */
    REGISTRY_INVALID(Part.REGISTRY),
    /**
     * A Harbor address with no dot, no port and other than {@code localhost}: docker reads
     * {@code harbor/user-alice/app:v1} as a Docker Hub repository (distribution/reference normalize.go
     * splitDockerDomain), so the tag and the push would go to Docker Hub.
     */
    REGISTRY_SINGLE_LABEL(Part.REGISTRY),
    /**
     * Warning: the first part of a name has capital letters, so docker reads it as a registry host
     * ({@code MyLab/train} would be pushed to a server called MyLab), normalize.go splitDockerDomain.
     */
    REGISTRY_FROM_CAPITALS(Part.REGISTRY, false),
    PROJECT_EMPTY(Part.PROJECT),
    /** Harbor: {@code [a-z0-9]+(?:[._-][a-z0-9]+)*}. */
    PROJECT_INVALID(Part.PROJECT),
    /** Harbor: at most 255 characters. */
    PROJECT_TOO_LONG(Part.PROJECT),
    REPOSITORY_EMPTY(Part.REPOSITORY),
    /** distribution/reference: "repository name must be lowercase". */
    REPOSITORY_UPPERCASE(Part.REPOSITORY),
    /** A character outside {@code [a-z0-9._/-]} (uppercase letters are {@link #REPOSITORY_UPPERCASE}). */
    REPOSITORY_ILLEGAL_CHARACTER(Part.REPOSITORY),
    /** A part that starts or ends with a separator, is empty, or separators other than . _ __ -+. */
    REPOSITORY_BAD_SEPARATOR(Part.REPOSITORY),
    /**
     * distribution/reference: the name without the registry is at most 255 characters. Checked for
     * image references only: a Harbor target breaks {@link #LINK_TOO_LONG} long before.
     */
    REPOSITORY_TOO_LONG(Part.REPOSITORY),
    /** 64 lowercase hex digits alone: docker reads them as an image ID, never as a name (normalize.go). */
    REPOSITORY_IMAGE_ID(Part.REPOSITORY),
    TAG_EMPTY(Part.TAG),
    /** At most 128 characters. */
    TAG_TOO_LONG(Part.TAG),
    /** The first character must be a letter, digit or {@code _}. */
    TAG_BAD_FIRST_CHARACTER(Part.TAG),
    /** A character outside {@code [A-Za-z0-9_.-]}. */
    TAG_ILLEGAL_CHARACTER(Part.TAG),
    /** Ends in {@code .} or {@code -}: the platform's import form refuses it (crater {@code imageTagRegex}). */
    TAG_BAD_LAST_CHARACTER(Part.TAG),
    /** Not {@code algorithm:hex} with at least 32 hex digits. */
    DIGEST_INVALID(Part.DIGEST),
    /** An algorithm go-digest does not register (only sha256, sha384, sha512). */
    DIGEST_UNSUPPORTED(Part.DIGEST),
    /** Not the algorithm's exact length (64 hex digits for sha256). */
    DIGEST_WRONG_LENGTH(Part.DIGEST),
    /** Capital hex digits: go-digest accepts only lowercase. */
    DIGEST_NOT_LOWERCASE(Part.DIGEST),
    /** The platform stores image links of at most 128 characters (and still answers success). */
    LINK_TOO_LONG(Part.LINK),
    /**
     * Warning: the link fails the platform web form's {@code imageLinkRegex}, which has no room for a
     * {@code host:port} registry or an IPv6 address. The platform's API does not check links, so the
     * wizard's own import works; only importing by hand in the web page would fail. A warning, not an
     * error, so a registry with a port (such as the local test registry 127.0.0.1:5000) never blocks.
     */
    LINK_NOT_ACCEPTED_BY_PLATFORM_FORM(Part.LINK, false);

    /** The part of the name a rule is about, so a form can show the reason beside its field. */
    public enum Part {
        REGISTRY, PROJECT, REPOSITORY, TAG, DIGEST, LINK
    }

    private final Part part;
    private final boolean error;

    Rule(Part part) {
        this(part, true);
    }

    Rule(Part part, boolean error) {
        this.part = part;
        this.error = error;
    }

    public Part part() {
        return part;
    }

    /** True when breaking the rule blocks; false for a warning. */
    public boolean isError() {
        return error;
    }
}
