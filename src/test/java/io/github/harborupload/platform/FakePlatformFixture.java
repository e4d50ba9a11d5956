package io.github.harborupload.platform;

import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.InMemoryRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import java.io.IOException;
import java.time.Duration;

/** A fake platform on an in-memory registry with one user, alice, and a client for it. */
final class FakePlatformFixture implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "alice-secret-1";
    static final String REGISTRY = "harbor.test";

    final InMemoryRegistry registry = new InMemoryRegistry(REGISTRY);
    final FakePlatform platform;
    final PlatformClient client;

    private FakePlatformFixture(ServerVersion version) throws IOException {
        platform = FakePlatform.start(version, registry).user(USER, PASSWORD);
        client = new PlatformClient(platform.address(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    static FakePlatformFixture start(ServerVersion version) throws IOException {
        return new FakePlatformFixture(version);
    }

    PlatformSession signIn() throws PlatformException {
        return client.signIn(USER, PASSWORD);
    }

    @Override
    public void close() {
        platform.close();
    }
}
