package io.github.harborupload.platformserver;

import io.github.harborupload.platform.PlatformCodes;

/**
 * The platform builds whose differences the wizard must survive (reference: crater-harbor-api.md
 * §3, §4). Each is a point in raids-lab/crater's history.
 */
public enum ServerVersion {
    /**
     * Around March 2025 (monorepo 389c7ed5): auth mode answered as a string, old login codes
     * (40106, 40103), the image list names the owner in {@code creatorName}/{@code nickName} and
     * has no {@code tags} or {@code imageBuildSource}; bad import JSON is HTTP 400 with code 99999.
     */
    MARCH_2025(true, true, PlatformCodes.NOT_SPECIFIED),
    /**
     * crater-backend 0b6c524 (November 2025): auth mode still a string with {@code act-ldap} and
     * the old login codes; the image list has {@code userInfo}, {@code tags} and
     * {@code imageBuildSource}; bad import JSON is 40001 (InvalidRequest).
     */
    NOVEMBER_2025(true, false, PlatformCodes.INVALID_REQUEST),
    /**
     * After c1c8031f (February 2026, "decoupling ACT OpenAPI"): auth mode an object, sign-in
     * methods {@code ldap}/{@code normal}, login codes 40111, 40112, 40113, 40121.
     */
    CURRENT(false, false, PlatformCodes.INVALID_REQUEST);

    private final boolean legacyAuth;
    private final boolean creatorNameInList;
    private final int badImportCode;

    ServerVersion(boolean legacyAuth, boolean creatorNameInList, int badImportCode) {
        this.legacyAuth = legacyAuth;
        this.creatorNameInList = creatorNameInList;
        this.badImportCode = badImportCode;
    }

    /** Auth mode as a string and the {@code act-ldap} method, codes before the 2026 renumbering. */
    public boolean legacyAuth() {
        return legacyAuth;
    }

    public boolean creatorNameInList() {
        return creatorNameInList;
    }

    public int badImportCode() {
        return badImportCode;
    }
}
