package io.github.harborupload.docker.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the engines people run on macOS put their socket when {@code /var/run/docker.sock} is
 * missing: Docker Desktop 4.13+ may keep it only in {@code ~/.docker/run} (spring-boot#32897), and
 * Colima, OrbStack, Rancher Desktop and Podman machine never make it without help. An app started
 * from Finder does not see a {@code DOCKER_HOST} set in {@code ~/.zshrc}, so the wizard looks in
 * these places itself (issue 16, item 5), in this order, after the system socket.
 */
final class MacEngineSockets {

    private MacEngineSockets() {
    }

    /** The sockets to try, first found wins; empty without HOME. */
    static List<Path> candidates(Map<String, String> env) {
        List<Path> sockets = new ArrayList<>();
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            Path h = Path.of(home);
            sockets.add(h.resolve(".docker/run/docker.sock"));                 // Docker Desktop
            sockets.add(h.resolve(".colima/default/docker.sock"));             // Colima, profile "default"
            sockets.add(h.resolve(".orbstack/run/docker.sock"));               // OrbStack
            sockets.add(h.resolve(".rd/docker.sock"));                         // Rancher Desktop
            sockets.add(h.resolve(".local/share/containers/podman/machine/podman.sock")); // Podman 4 machine
        }
        String tmp = env.get("TMPDIR");
        if (tmp != null && !tmp.isEmpty()) {
            sockets.add(Path.of(tmp, "podman", "podman-machine-default-api.sock")); // Podman 5 machine
        }
        return sockets;
    }

    /** The system socket when present, else the first candidate present, else the system socket (to name in errors). */
    static Path choose(Path systemSocket, Map<String, String> env) {
        if (Files.exists(systemSocket)) {
            return systemSocket;
        }
        return candidates(env).stream().filter(Files::exists).findFirst().orElse(systemSocket);
    }
}
