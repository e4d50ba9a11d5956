package io.github.harborupload.harbor;

import java.util.OptionalLong;

/**
 * A project's storage: what it uses and its limit, in bytes. A negative limit means unlimited
 * (Harbor's {@code -1}, src/pkg/quota/types/resources.go: UNLIMITED).
 *
 * @param usedBytes  bytes the project already holds
 * @param limitBytes its limit, or a negative number when there is none
 */
public record StorageQuota(long usedBytes, long limitBytes) {

    public static final long UNLIMITED = -1;

    public boolean unlimited() {
        return limitBytes < 0;
    }

    /** Bytes left before the limit (0 when already over); empty when unlimited. */
    public OptionalLong freeBytes() {
        return unlimited() ? OptionalLong.empty() : OptionalLong.of(Math.max(0, limitBytes - usedBytes));
    }

    /**
     * Whether {@code bytes} more still fit. Harbor counts only layers it does not hold yet, so the
     * full size of an image is the worst case: a "no" may still push when layers are shared.
     */
    public boolean fits(long bytes) {
        return unlimited() || usedBytes + bytes <= limitBytes;
    }
}
