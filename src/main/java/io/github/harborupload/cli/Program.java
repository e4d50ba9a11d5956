package io.github.harborupload.cli;

/**
 * What the command line is called and where its words are: a leaf every part of it may name
 * (the commands, the progress renderers) without an arrow back up to {@link Cli}.
 */
public final class Program {

    /** The command's name, as typed and as the help prints it. */
    public static final String NAME = "harbor-upload";
    /** The command line's own texts, in both languages. */
    public static final String BUNDLE = "io.github.harborupload.cli.messages";

    private Program() {
    }
}
