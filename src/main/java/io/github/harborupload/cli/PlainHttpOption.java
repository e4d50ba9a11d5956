package io.github.harborupload.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-http}: lets a platform command use a plain {@code http://} address to another
 * computer, which is refused otherwise because the password and tokens would cross the network
 * unencrypted (issue 13, item 2). Deliberate and never remembered: each use warns again.
 */
final class PlainHttpOption {

    @Option(names = "--allow-http", descriptionKey = "allow-http")
    boolean allowed;
}
