package vn.caitien.planservice;

/** Request bodies the API tests send: a plan of the demo primary school, a progress record and a report. */
public final class PlanBodies {
    public static final String PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC"}""";
    /** Percent to fill in; effective 20/10/2023. */
    public static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": %d, \"effectiveDate\": \"2023-10-20\"}";

    /** The start-of-year report of the plan's school year, sent 25/10/2023. */
    public static final String REPORT = """
            {"period": "DAU_NAM", "schoolYear": "2023 - 2024", "submittedOn": "2023-10-25", "summary": "Đúng tiến độ"}""";

    private PlanBodies() {
    }
}
