package vn.caitien.readmodel;

import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.PlanStatus;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void everyCodeOfTheWireFormatHasItsLabel() {
        assertThat(Labels.progressStatuses().keySet())
                .containsExactly(Arrays.stream(ProgressStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Labels.all().get("reportStates").keySet())
                .containsExactly(Arrays.stream(ReportState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Labels.all().get("planStatuses").keySet())
                .containsExactly(Arrays.stream(PlanStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Labels.all().get("reportPeriods").keySet())
                .containsExactly(Arrays.stream(ReportPeriod.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Labels.all().get("schoolTypes").keySet())
                .containsExactly(Arrays.stream(SchoolType.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void labelsAreTheVietnameseWords() {
        assertThat(Labels.progressStatus(ProgressStatus.HOAN_THANH)).isEqualTo("Hoàn thành");
        assertThat(Labels.progressStatus("CHAM_TIEN_DO")).isEqualTo("Chậm tiến độ");
        assertThat(Labels.reportState(ReportState.MISSING)).isEqualTo("Chưa nộp, quá hạn");
        assertThat(Labels.reportState("LATE")).isEqualTo("Nộp trễ");
        assertThat(Labels.planStatus("APPROVED")).isEqualTo("Đã ban hành");
        assertThat(Labels.reportPeriod(ReportPeriod.CUOI_HK1)).isEqualTo("Cuối học kỳ I");
        assertThat(Labels.schoolType("PHO_THONG_NHIEU_CAP")).isEqualTo("Phổ thông nhiều cấp");
    }

    @Test
    void anUnknownCodeIsShownAsItIs() {
        assertThat(Labels.progressStatus("MOI")).isEqualTo("MOI");
        assertThat(Labels.planStatus(null)).isNull();
    }
}
