package vn.caitien.reporting.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the auditor's endpoints answer with, written the way the service's Jackson settings write it
 * (application.yml: non-null fields, ISO dates): the audit CLI and the system tests read these names.
 */
class AuditJsonTest {
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final PlanHistory history = PlanHistory.of().created("Quận 10")
            .item("a", "1.4", YearMonth.of(2024, 5), 3_000_000L)
            .approved(LocalDate.of(2023, 9, 20), "Nguyễn Văn A")
            .itemChanged("a", "1.4", YearMonth.of(2024, 5), 3_000_000L, "Thêm kinh phí")
            .progress("a", ProgressStatus.DANG_THUC_HIEN, 40, "Đã tổ chức một chuyên đề", 1_000_000L,
                    LocalDate.of(2023, 10, 10), "[H1-1.4-01]")
            .report(ReportPeriod.DAU_NAM, 1, null, LocalDate.of(2023, 10, 30));

    @Test
    void stateOfAPlan() throws Exception {
        assertThat(JSON.writeValueAsString(history.state())).isEqualTo("""
                {"planId":"plan-ldc","school":{"name":"Trường Tiểu học Lê Đình Chinh","code":"79000701",\
                "type":"TIEU_HOC","managingUnit":["Thành phố Hồ Chí Minh","Quận 10"]},"frameworkId":"TT17-2018",\
                "schoolYear":"2023-2024","documentNumber":"107/KH-LĐC","issueDate":"2023-09-05","issuePlace":"Quận 10",\
                "legalBases":["Thông tư 17/2018/TT-BGDĐT"],"status":"APPROVED","approvedOn":"2023-09-20",\
                "approvedBy":"Nguyễn Văn A","items":{"a":{"itemId":"a","details":{"criterionCode":"1.4",\
                "levelGroup":"MỨC 1, 2, 3","targetResult":"Kết quả 1.4","indicators":[],"tasks":["Công việc 1.4"],\
                "lead":"Hiệu trưởng","coordinators":["Tổ trưởng chuyên môn"],"schedule":{"start":"2023-09",\
                "end":"2024-05","valid":true},"budget":{"amount":3000000,"perSchoolYear":false,"text":"3 triệu"}},\
                "status":"DANG_THUC_HIEN","percent":40,"narrative":"Đã tổ chức một chuyên đề",\
                "evidenceCodes":["[H1-1.4-01]"],"amountSpentToDate":1000000,"lastEffectiveDate":"2023-10-10",\
                "amendments":["Điều chỉnh: Thêm kinh phí"],"progressRecords":1}},"reports":[{"period":"DAU_NAM",\
                "revision":1,"summary":"Tóm tắt 1","findings":"Nhận định 1","recommendations":"Kiến nghị 1",\
                "submittedOn":"2023-10-30","recordedAt":"2023-09-06T01:00:00Z","actor":"Thư ký hội đồng"}],\
                "lastSequence":5,"lastRecordedAt":"2023-09-06T01:00:00Z"}""");
    }

    @Test
    void diffOfTwoInstants() throws Exception {
        var events = history.events();
        PlanDiff diff = PlanDiff.between(PlanHistory.PLAN, events.get(2).recordedAt(), events.get(5).recordedAt(),
                PlanEvents.fold(events.subList(0, 3)), events.subList(3, 6));

        assertThat(JSON.writeValueAsString(diff)).isEqualTo("""
                {"planId":"plan-ldc","from":"2023-09-03T01:00:00Z","to":"2023-09-06T01:00:00Z","itemsAdded":[],\
                "itemsChanged":["1.4 (a)"],"itemsRemoved":[],"progressRecorded":[{"itemId":"a","criterionCode":"1.4",\
                "status":"DANG_THUC_HIEN","percent":40,"effectiveDate":"2023-10-10"}],\
                "reportsSubmitted":["DAU_NAM lần 1"],"approvedInBetween":false,"events":["#3 Sửa nội dung 1.4",\
                "#4 Ghi nhận tiến độ","#5 Nộp báo cáo"]}""");
    }
}
