package io.github.harborupload.flow;

import io.github.harborupload.i18n.Language;

/**
 * The platform's own guide to what the wizard automates, "Upload a local image", on the platform's
 * documentation site (the address its web front end links as its documentation:
 * raids-lab/crater charts, {@code frontendConfig.url.document}). The one place its address is written.
 */
public final class Guide {

    private static final String SITE = "https://raids-lab.github.io/crater/";
    private static final String PAGE = "/docs/user/image/upload/";

    private Guide() {
    }

    /**
     * The guide's "Common problems" section in this language (website/content/docs/user/image/upload.mdx
     * and upload.en.mdx, section 5). The anchor is the heading as the site's slugger writes it (its
     * emoji dropped, as the site's own {@code #导入镜像-} links show); should a later heading differ,
     * the browser still opens the guide, at its top.
     */
    public static String commonProblems(Language language) {
        return SITE + language.code() + PAGE + (language == Language.CHINESE ? "#-5-常见问题" : "#-5-common-issues");
    }
}
