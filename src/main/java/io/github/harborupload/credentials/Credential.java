package io.github.harborupload.credentials;

import java.util.Objects;

/**
 * A Harbor username and password. {@link #toString()} never shows the password, so a credential
 * that slips into a log line or an exception message leaks nothing.
 */
public record Credential(String username, String password) {

    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credential[username=" + username + ", password=***]";
    }
}
