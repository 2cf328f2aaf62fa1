package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A small approved plan with three items (1.4, 3.4, 5.3) from the Lê Đình Chinh plan. */
record SamplePlan(String planId, List<String> itemIds) {

    static SamplePlan create(ServiceProcess plan) throws Exception {
        Http.Response created = Http.post(plan.uri("/api/plans"), "hieutruong.ldc", """
                {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "type": "TIEU_HOC",
                            "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
                 "frameworkId": "TT17-2018", "schoolYear": "2023-2024", "documentNumber": "99/KH-TN",
                 "issueDate": "2023-08-18"}""");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String planId = created.body().get("id").asText();
        List<String> items = new ArrayList<>();
        for (String code : List.of("1.4", "3.4", "5.3")) {
            Http.Response item = Http.post(plan.uri("/api/plans/" + planId + "/items"), "hieutruong.ldc",
                    item(code, "Năm học 2023-2024"));
            assertThat(item.status()).as(item.body().toString()).isEqualTo(201);
            items.add(item.body().get("id").asText());
        }
        assertThat(Http.post(plan.uri("/api/plans/" + planId + "/approve"), "hieutruong.ldc",
                "{\"approvedOn\": \"2023-08-18\", \"approvedBy\": \"Lưu Thuận Phong\"}").status()).isEqualTo(200);
        return new SamplePlan(planId, items);
    }

    static String item(String code, String time) {
        return """
                {"criterionCode": "%s", "levelGroup": "MỨC 1, 2, 3", "targetResult": "Kết quả cần đạt của tiêu chí %s",
                 "tasks": ["Xây dựng kế hoạch", "Tổ chức thực hiện"], "lead": "Hiệu trưởng",
                 "schedule": {"start": "2023-09", "end": "2024-05", "text": "%s"},
                 "budget": {"amount": 3000000, "perSchoolYear": true, "text": "3 triệu/NH"}}""".formatted(code, code, time);
    }

    static String progress(String status, int percent, String date) {
        return """
                {"status": "%s", "percent": %d, "narrative": "Đã triển khai theo kế hoạch",
                 "evidenceCodes": ["[H1-1.4-01]"], "amountSpentToDate": 1000000, "effectiveDate": "%s"}"""
                .formatted(status, percent, date);
    }
}
