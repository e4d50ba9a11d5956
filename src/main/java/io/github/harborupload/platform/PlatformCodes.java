package io.github.harborupload.platform;

/**
 * The {@code code} values of the platform's answers: backend/internal/resputil/code.go (the
 * "legacy" table, current names), the older numbers of crater-backend through 2025, and the newer
 * bizerr codes (frontend src/services/error_code.ts). Where old and new differ, both are here.
 */
public final class PlatformCodes {

    public static final int OK = 0;

    public static final int INVALID_REQUEST = 40001;
    public static final int BUSINESS_LOGIC_ERROR = 40002;
    /** bizerr. */
    public static final int MISSING_PARAMETER = 40003;
    /** bizerr. */
    public static final int PARAMETER_ERROR = 40004;

    public static final int TOKEN_EXPIRED = 40101;
    public static final int TOKEN_INVALID = 40102;
    /** Through 2025; now {@link #MUST_REGISTER}. */
    public static final int OLD_MUST_REGISTER = 40103;
    /** Through 2025. */
    public static final int OLD_REGISTER_TIMEOUT = 40104;
    /** Through 2025. */
    public static final int OLD_REGISTER_NOT_FOUND = 40105;
    /** Through 2025; now {@link #INVALID_CREDENTIALS}. */
    public static final int OLD_INVALID_CREDENTIALS = 40106;
    public static final int INVALID_CREDENTIALS = 40111;
    public static final int LDAP_ERROR = 40112;
    public static final int LDAP_USER_NOT_FOUND = 40113;
    public static final int LEGACY_TOKEN_NOT_SUPPORTED = 40114;
    public static final int MUST_REGISTER = 40121;
    public static final int UID_SERVICE_ERROR = 40122;
    public static final int UID_NOT_FOUND = 40123;

    /** UserNotAllowed at login ("User must has at least one queue"); PermissionDenied elsewhere (bizerr). */
    public static final int USER_NOT_ALLOWED = 40301;
    public static final int USER_EMAIL_NOT_VERIFIED = 40302;

    /** ServiceSshdNotFound (legacy), DataBaseNotFound (bizerr). */
    public static final int NOT_FOUND = 40401;
    public static final int RESOURCE_STATUS_ERROR = 40902;

    /** bizerr: Internal Server Error. */
    public static final int INTERNAL_ERROR = 50000;
    public static final int SERVICE_ERROR = 50001;
    /** bizerr. */
    public static final int DATABASE_ERROR = 50002;

    /** NotSpecified: "Frontend will directly print the message". */
    public static final int NOT_SPECIFIED = 99999;

    private PlatformCodes() {
    }
}
