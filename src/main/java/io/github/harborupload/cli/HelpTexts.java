package io.github.harborupload.cli;

import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.reference.HarborTarget;
import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * The command line's bundle as picocli reads it for the help. Each text is a message pattern, as
 * everywhere else ({@code ''} is one apostrophe), given the platform's limits as arguments:
 * {@code {0}} the link's, {@code {1}} the description's, so each number stays written once, where
 * the code checks it.
 */
final class HelpTexts extends ResourceBundle {

    private static final Object[] LIMITS = {HarborTarget.MAX_LINK_LENGTH, ImportRequest.MAX_DESCRIPTION_LENGTH};

    private final ResourceBundle texts;

    HelpTexts(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.containsKey(key) ? new MessageFormat(texts.getString(key), texts.getLocale()).format(LIMITS) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return texts.getKeys();
    }

    @Override
    public String getBaseBundleName() {
        return texts.getBaseBundleName();
    }
}
