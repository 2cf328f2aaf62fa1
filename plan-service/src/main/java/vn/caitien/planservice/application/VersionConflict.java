package vn.caitien.planservice.application;

/**
 * The plan changed since the version the client acted on (its {@code If-Match}), or another change
 * was stored first: 409 with the plan's current version, so the client can reload and try again.
 */
public class VersionConflict extends RuntimeException {
    private final String planId;
    private final long currentVersion;
    private final boolean conditional;

    public VersionConflict(String planId, long currentVersion, boolean conditional) {
        super("Kế hoạch đã thay đổi (phiên bản hiện tại " + currentVersion + "); hãy tải lại rồi thử lại");
        this.planId = planId;
        this.currentVersion = currentVersion;
        this.conditional = conditional;
    }

    public String planId() { return planId; }

    public long currentVersion() { return currentVersion; }

    /** True when the client sent If-Match (the field at fault), false for a plain race. */
    public boolean conditional() { return conditional; }
}
