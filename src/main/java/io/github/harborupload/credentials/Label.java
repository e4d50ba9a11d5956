package io.github.harborupload.credentials;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field names the platform has printed, in the dialogs of every version and in its command line
 * (see the platform's credential dialog history): Chinese, or English in any case.
 */
enum Label {
    USERNAME("用户名", "user ?name"),
    PASSWORD("密码", "password"),
    PROJECT("项目名称|项目名", "project(?: ?name)?"),
    REGISTRY("harbor ?仓库地址|镜像仓库地址|仓库地址", "registry(?: ?address)?|harbor(?: ?address)?");

    /** A match found at the start of a line; {@code rest} is what follows the label and its colon. */
    record Match(Label label, String rest) {
    }

    private final Pattern pattern;

    /*
     * A label must end where a word ends, so "密码只会显示一次" and "Passwords are…" are not labels.
     * A Chinese label may run straight into its value ("用户名alice"), as a browser may copy it.
     */
    Label(String chineseNames, String englishNames) {
        this.pattern = Pattern.compile("(?:(?:" + chineseNames + ")(?!\\p{IsHan})|(?:" + englishNames + ")(?=$|[ :：]))"
                + "\\s*[:：]?\\s*(.*)", Pattern.CASE_INSENSITIVE);
    }

    static Optional<Match> at(String line) {
        for (Label label : values()) {
            Matcher matcher = label.pattern.matcher(line);
            if (matcher.matches()) {
                return Optional.of(new Match(label, matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
