package io.github.harborupload.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an image goes in the platform's Harbor: {@code registry/project/repository:tag}, such as
 * {@code gpu-harbor.act.buaa.edu.cn/user-alice/nvidia-pytorch:24.12-v1}. The project is
 * {@code user-<username>}; the repository may have several path components ({@code a/b}).
 *
 * <p>Null parts count as empty, so a form can be validated exactly as it stands.
 */
public record HarborTarget(String registry, String project, String repository, String tag) {

    /**
     * The platform stores image links in a {@code varchar(128)} (backend/dao/model/image.go) and
     * still answers success for a longer one. The one place this limit is written: the platform's
     * import request and the wizard's link check both read it here.
     */
    public static final int MAX_LINK_LENGTH = 128;

    public HarborTarget {
        registry = registry == null ? "" : registry;
        project = project == null ? "" : project;
        repository = repository == null ? "" : repository;
        tag = tag == null ? "" : tag;
    }

    /** What the platform puts before the username to name a user's Harbor project. */
    public static final String PROJECT_PREFIX = "user-";

    /** The platform names every user's Harbor project {@code user-<username>}; Harbor keeps it lowercase. */
    public static String projectFor(String username) {
        return PROJECT_PREFIX + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code registry/project/repository}: what {@code docker tag} calls the repository. */
    public String imageName() {
        return registry + "/" + project + "/" + repository;
    }

    /** {@code registry/project/repository:tag}: what is pushed and imported into the platform. */
    public String link() {
        return imageName() + ":" + tag;
    }

    /**
     * Every rule broken, registry first and the whole link last. Cheap enough for every keystroke.
     * Registry, project, repository and tag follow Harbor and distribution/reference; the tag must
     * not end in {@code .} or {@code -} and the link must fit 128 characters (platform). That limit
     * comes long before distribution's 255 for {@code project/repository}, so only it is reported.
     * The platform form's pattern is only a warning: see {@link Rule#LINK_NOT_ACCEPTED_BY_PLATFORM_FORM}.
     */
    public Validation validate() {
        List<Violation> out = new ArrayList<>(2);
        NamingRules.harborRegistry(registry, out);
        NamingRules.project(project, out);
        NamingRules.repository(repository, out);
        NamingRules.tag(tag, out);
        NamingRules.platformTagEnd(tag, out);
        NamingRules.link(link(), out);
        return new Validation(out);
    }

    /** The rules for a registry address alone, for a form that asks for it before anything else. */
    public static Validation checkRegistry(String registry) {
        List<Violation> out = new ArrayList<>(1);
        NamingRules.harborRegistry(registry == null ? "" : registry.trim(), out);
        return new Validation(out);
    }
}
