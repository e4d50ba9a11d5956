package io.github.harborupload.platform;

import java.net.URI;

/**
 * A platform address with plain {@code http://} to a host that is not this computer: the platform
 * password and the session's tokens would cross the network unencrypted (issue 13, item 2).
 */
public final class PlainHttpRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient URI address;

    PlainHttpRefusedException(URI address) {
        super("plain http to " + address + " is refused: only https, or http to this computer (loopback)");
        this.address = address;
    }

    public URI address() {
        return address;
    }
}
