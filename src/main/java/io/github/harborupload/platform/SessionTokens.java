package io.github.harborupload.platform;

import java.net.URI;
import java.util.Objects;

/**
 * What a platform session needs to go on: where, who, and its two tokens. Never the password.
 * {@link #toString()} hides the tokens.
 *
 * @param address      the platform, e.g. {@code https://gpu.act.buaa.edu.cn}
 * @param username     the platform user
 * @param accessToken  sent as {@code Authorization: Bearer …}; lives an hour on the real platform
 * @param refreshToken renews the access token; empty when there is none (then an expired access
 *                     token means signing in again)
 */
public record SessionTokens(URI address, String username, String accessToken, String refreshToken) {

    public SessionTokens {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
    }

    @Override
    public String toString() {
        return "SessionTokens[address=" + address + ", username=" + username + ", accessToken=***, refreshToken=***]";
    }
}
