package vn.caitien.planservice.security;

import vn.caitien.planservice.Api;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.planservice.Tokens.LDC;
import static vn.caitien.planservice.Tokens.monitor;
import static vn.caitien.planservice.Tokens.principal;

/**
 * Plans of Lê Đình Chinh (79000701, Thành phố Hồ Chí Minh / Quận 10) for the access matrix, written by
 * the school's own people: item 1 is led by "Tổ trưởng chuyên môn", item 2 by "Hiệu trưởng".
 */
final class MatrixFixtures {
    static final String PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "code": "%s", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC",
             "issueDate": "2023-08-18", "issuePlace": "Quận 10"}""";
    static final String ITEM = """
            {"criterionCode": "Tiêu chí %s", "levelGroup": "MỨC 1, 2, 3",
             "targetResult": "Số lượng phòng vệ sinh đáp ứng đủ cho học sinh toàn trường.",
             "tasks": ["Xây dựng kế hoạch sửa chữa"], "lead": "%s",
             "schedule": {"start": "2020-01", "end": "2030-12", "text": "Từ năm 2020 đến 2030"}}""";
    static final String TEACHERS = "Tổ trưởng chuyên môn";
    static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": 40, \"effectiveDate\": \"2023-10-20\"}";
    static final String REPORT = "{\"period\": \"DAU_NAM\", \"summary\": \"Triển khai đúng tiến độ\"}";

    /** A plan with its two items; approved when asked. */
    record Fixture(String plan, String item1, String item2) {
    }

    private final Api api;

    MatrixFixtures(Api api) {
        this.api = api;
    }

    static String plan(String code) { return PLAN.formatted(code); }

    /** A plan that names neither its school nor its managing unit: both come from the principal's account. */
    static String blankPlan() {
        return """
                {"school": {"name": "Trường của người lập", "type": "TIEU_HOC"}, "frameworkId": "TT17-2018",
                 "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC"}""";
    }

    static String item(String criterion, String lead) { return ITEM.formatted(criterion, lead); }

    Fixture fixture(boolean approved) throws Exception {
        String plan = created(api.send("POST", "/api/plans", blankPlan(), principal(LDC)));
        String item1 = created(api.send("POST", "/api/plans/" + plan + "/items", item("3.4", TEACHERS + ", GVCN"), principal(LDC)));
        String item2 = created(api.send("POST", "/api/plans/" + plan + "/items", item("3.5", "Hiệu trưởng"), principal(LDC)));
        if (approved) {
            Api.Response ok = api.send("POST", "/api/plans/" + plan + "/approve", "{\"approvedOn\": \"2023-08-18\"}",
                    principal(LDC));
            assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
            // Something for verify to chain over beyond the draft.
            created(api.send("POST", "/api/plans/" + plan + "/items/" + item2 + "/progress", PROGRESS, monitor(LDC)));
        }
        return new Fixture(plan, item1, item2);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    static byte[] sample() throws IOException {
        try (InputStream in = MatrixFixtures.class.getResourceAsStream("/exchange/le-dinh-chinh-2023-2024.docx")) {
            return in.readAllBytes();
        }
    }
}
