package vn.caitien.planservice.web;

import vn.caitien.planservice.application.InvalidHeader;

/**
 * {@code If-Match: "<version>"} on a command: the plan version (sequence number of its last event,
 * the ETag of GET /api/plans/{id}) the client's change is based on. Absent or {@code *}: no condition.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";
    /** Shown in the API documents of every command on an existing plan. */
    public static final String DESCRIPTION = "Phiên bản kế hoạch (ETag khi tải kế hoạch, vd. \"7\"): chỉ thực hiện nếu "
            + "kế hoạch chưa thay đổi từ đó, nếu không trả 409 kèm phiên bản hiện tại";
    private static final String MESSAGE = "Cần đúng một phiên bản kế hoạch trong ngoặc kép, vd. If-Match: \"7\" "
            + "(giá trị ETag khi tải kế hoạch)";

    private IfMatch() {
    }

    /** The expected version, or null for no condition; a malformed header is the client's mistake (400). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) return null;
        String value = header.strip();
        if (value.startsWith("W/")) value = value.substring(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidHeader(HEADER, MESSAGE);
        }
        return Long.parseLong(value);
    }

    /** The ETag value of a version: "7". */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
