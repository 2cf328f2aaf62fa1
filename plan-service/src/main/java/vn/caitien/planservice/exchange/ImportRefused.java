package vn.caitien.planservice.exchange;

import java.util.Map;

/**
 * An import the service will not carry out, with what the problem+json answer says: the status,
 * a stable type, a Vietnamese title and detail, the field at fault and extra members (the existing
 * plan's id, the diagnostics). Nothing has been stored.
 */
class ImportRefused extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, Object> properties;

    ImportRefused(int status, String type, String title, String detail, String field, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.properties = Map.copyOf(properties);
    }

    static ImportRefused duplicate(String existingPlanId) {
        return new ImportRefused(409, "import-duplicate", "Tệp này đã được nhập trước đó",
                "Tệp này đã được nhập thành kế hoạch " + existingPlanId + "; gửi lại với force=true nếu thật sự muốn tạo "
                        + "thêm một kế hoạch", "file", Map.of("existingPlanId", existingPlanId));
    }

    static ImportRefused badParameter(String field, String message) {
        return new ImportRefused(400, "invalid-value", "Giá trị không hợp lệ", field + ": " + message, field, Map.of());
    }

    int status() { return status; }

    String type() { return type; }

    String title() { return title; }

    String field() { return field; }

    Map<String, Object> properties() { return properties; }
}
