package io.github.harborupload.platform;

/**
 * The platform's endpoints this client calls (backend/internal/route.go: public routes under
 * {@code /api}, protected ones under {@code /api/v1}).
 */
public enum Endpoint {
    AUTH_MODE("GET", "/api/auth/mode"),
    LOGIN("POST", "/api/auth/login"),
    REFRESH("POST", "/api/auth/refresh"),
    AUTH_CHECK("GET", "/api/auth/check"),
    HARBOR_ADDRESS("GET", "/api/v1/images/harbor"),
    CREDENTIAL("POST", "/api/v1/images/credential"),
    QUOTA("GET", "/api/v1/images/quota"),
    IMPORT("POST", "/api/v1/images/image"),
    LIST_IMAGES("GET", "/api/v1/images/image"),
    UPDATE_DESCRIPTION("POST", "/api/v1/images/description"),
    UPDATE_TASK_TYPE("POST", "/api/v1/images/type"),
    UPDATE_TAGS("POST", "/api/v1/images/tags"),
    UPDATE_ARCHS("POST", "/api/v1/images/arch");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /**
     * Whether its answer carries secrets (tokens, the new Harbor password): such an answer is never
     * quoted in a problem's detail, whatever its shape (issue 13, item 5).
     */
    public boolean answersWithSecrets() {
        return this == LOGIN || this == REFRESH || this == CREDENTIAL;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
