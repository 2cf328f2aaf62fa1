package vn.caitien.planservice;

/** Request bodies the API tests send: a plan of the demo primary school, a progress record and a report. */
public final class PlanBodies {
    public static final String PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC"}""";
    /** The plan as issued: with its date and place (Quận 10, 18/8/2023). */
    public static final String ISSUED_PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC",
             "issueDate": "2023-08-18", "issuePlace": "Quận 10"}""";
    /** Row 3.4 of the Lê Đình Chinh plan. */
    public static final String ITEM = """
            {"criterionCode": "Tiêu chí 3.4", "levelGroup": "MỨC 1, 2, 3",
             "targetResult": "Số lượng phòng vệ sinh đáp ứng đủ cho học sinh toàn trường.",
             "tasks": ["Xây dựng kế hoạch sửa chữa"], "lead": "Hiệu trưởng",
             "schedule": {"start": "2020-01", "end": "2030-12", "text": "Từ năm 2020 đến 2030"},
             "budget": {"fundingSource": "Kinh phí dự án Quận", "text": "Kinh phí dự án Quận"}}""";
    /** Percent to fill in; effective 20/10/2023. */
    public static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": %d, \"effectiveDate\": \"2023-10-20\"}";

    /** The start-of-year report of the plan's school year, sent 25/10/2023. */
    public static final String REPORT = """
            {"period": "DAU_NAM", "schoolYear": "2023 - 2024", "submittedOn": "2023-10-25", "summary": "Đúng tiến độ"}""";

    private PlanBodies() {
    }
}
