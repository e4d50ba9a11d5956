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
 * @param method       how the user signed in, offered first next time; null for sessions kept
 *                     before the method was remembered
 */
public record SessionTokens(URI address, String username, String accessToken, String refreshToken, SignInMethod method) {

    /** A session whose sign-in method is not known. */
    public SessionTokens(URI address, String username, String accessToken, String refreshToken) {
        this(address, username, accessToken, refreshToken, null);
    }

    public SessionTokens {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? "" : refreshToken;
    }

    @Override
    public String toString() {
        return "SessionTokens[address=" + address + ", username=" + username + ", accessToken=***, refreshToken=***, method=" + method + "]";
    }
}
