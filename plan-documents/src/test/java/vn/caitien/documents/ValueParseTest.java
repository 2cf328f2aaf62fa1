package vn.caitien.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.BudgetParser;
import vn.caitien.documents.read.CriterionCell;
import vn.caitien.documents.read.PeopleParser;
import vn.caitien.documents.read.ScheduleParser;
import vn.caitien.documents.read.VietnameseText;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The value parsers on the forms real plans use, and a few beyond them. */
class ValueParseTest {
    static final SchoolYear Y2023 = new SchoolYear(2023);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Năm học 2023-2024            | 2023-09 | 2024-05",
            "Năm học 2023 – 2024          | 2023-09 | 2024-05",
            "năm học 2023—2024            | 2023-09 | 2024-05",
            "Tháng 8/2021                 | 2021-08 | 2021-08",
            "Tháng 9/2021 đến tháng 5/2022 | 2021-09 | 2022-05",
            "Từ tháng 9/2021 - tháng 5/2022 | 2021-09 | 2022-05",
            "Từ năm 2020 đến 2030         | 2020-01 | 2030-12",
            "Năm 2024                     | 2024-01 | 2024-12",
            "T9/2023 - T12/2023           | 2023-09 | 2023-12",
            "Tháng 9 đến tháng 12/2023    | 2023-09 | 2023-12",
            "Tháng 9 đến tháng 5/2024     | 2023-09 | 2024-05",
            "09/2023 – 05/2024            | 2023-09 | 2024-05",
            "tháng 10 năm 2023            | 2023-10 | 2023-10",
            "Trước ngày 20/4/2024         | -       | 2024-04",
            "Từ tháng 9/2023              | 2023-09 | -",
            "Thường xuyên                 | 2023-09 | -",
            "Thường xuyên, từ tháng 10/2023 | 2023-10 | -",
            "Cả năm học                   | 2023-09 | 2024-05",
            "Học kỳ II                    | 2024-01 | 2024-05",
    })
    void readsTimeExpressions(String text, String start, String end) {
        ScheduleParser.Result result = ScheduleParser.parse(text, Y2023);
        assertThat(result.problem()).as(text).isNull();
        Schedule s = result.schedule();
        assertThat(s.start()).as(text).isEqualTo(start == null ? null : YearMonth.parse(start));
        assertThat(s.end()).as(text).isEqualTo(end == null ? null : YearMonth.parse(end));
        assertThat(s.text()).isEqualTo(text);
    }

    @Test
    void readsTwoMonthsOnTwoLinesAndKeepsUnreadableTimeAsText() {
        Schedule s = ScheduleParser.parse("Tháng 9/2021\nTháng 5/2022", new SchoolYear(2021)).schedule();
        assertThat(s.start()).isEqualTo(YearMonth.of(2021, 9));
        assertThat(s.end()).isEqualTo(YearMonth.of(2022, 5));
        assertThat(s.text()).isEqualTo("Tháng 9/2021\nTháng 5/2022");
        ScheduleParser.Result vague = ScheduleParser.parse("Khi có kinh phí", Y2023);
        assertThat(vague.problem()).contains("Khi có kinh phí");
        assertThat(vague.schedule()).isEqualTo(new Schedule(null, null, "Khi có kinh phí"));
        ScheduleParser.Result backwards = ScheduleParser.parse("Tháng 5/2024 đến tháng 9/2023", Y2023);
        assertThat(backwards.problem()).isNotNull();
        assertThat(backwards.schedule().start()).isNull();
        assertThat(ScheduleParser.parse("Tháng 13/2023", Y2023).problem()).isNotNull();
        assertThat(ScheduleParser.parse("  ", Y2023).schedule()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "3 triệu/NH          | 3000000   | true  | -                   | -",
            "150 triệu           | 150000000 | false | -                   | -",
            "81 triệu đồng       | 81000000  | false | -                   | -",
            "5 triệu             | 5000000   | false | -                   | -",
            "1,5 tỷ              | 1500000000 | false | -                  | -",
            "2.5 triệu/năm học   | 2500000   | true  | -                   | -",
            "500.000đ            | 500000    | false | -                   | -",
            "12.000.000 VNĐ      | 12000000  | false | -                   | -",
            "500 nghìn đồng/năm  | 500000    | true  | -                   | -",
            "Kinh phí dự án Quận | -         | false | Kinh phí dự án Quận | -",
            "Xã hội hóa          | -         | false | Xã hội hóa          | -",
            "20 triệu, nguồn xã hội hóa | 20000000 | false | nguồn xã hội hóa | -",
            "Nguồn: Ngân sách nhà nước | -    | false | Ngân sách nhà nước  | -",
            "494.510.000 đồng (Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão) | 494510000 | false | - | Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão",
    })
    void readsMoney(String text, Long vnd, boolean perSchoolYear, String source, String note) {
        BudgetParser.Result result = BudgetParser.parse(text);
        assertThat(result.problem()).as(text).isNull();
        Budget b = result.budget();
        assertThat(b.amount() == null ? null : b.amount().vnd()).as(text).isEqualTo(vnd);
        assertThat(b.perSchoolYear()).as(text).isEqualTo(perSchoolYear);
        assertThat(b.fundingSource()).as(text).isEqualTo(source);
        assertThat(b.note()).as(text).isEqualTo(note);
        assertThat(b.text()).isEqualTo(text);
    }

    @Test
    void readsNoneEmptyAndUnreadableMoney() {
        assertThat(BudgetParser.parse("Không").budget()).isEqualTo(Budget.none("Không"));
        assertThat(BudgetParser.parse("không.").budget().amount()).isNull();
        assertThat(BudgetParser.parse("").budget()).isNull();
        BudgetParser.Result vague = BudgetParser.parse("Theo thực tế");
        assertThat(vague.problem()).contains("Theo thực tế");
        assertThat(vague.budget()).isEqualTo(new Budget(null, false, null, null, "Theo thực tế"));
        assertThat(BudgetParser.parse("3 triệu + 2 triệu").problem()).contains("nhiều số tiền");
        assertThat(BudgetParser.parse("150").problem()).isNotNull();
    }

    @Test
    void splitsLeadAndCoordinators() {
        assertPeople("Phó hiệu trưởng, tổ trưởng chuyên môn", "Phó hiệu trưởng", "tổ trưởng chuyên môn");
        assertPeople("BGH-GV-NV", "BGH", "GV", "NV");
        assertPeople("CB-GV-NV-CMHS trường - UBND phường Cầu Ông Lãnh", "CB", "GV", "NV", "CMHS trường",
                "UBND phường Cầu Ông Lãnh");
        assertPeople("BGH-nhân viên kế toán\nHội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học", "BGH",
                "nhân viên kế toán", "Hội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học");
        assertPeople("Hiệu trưởng, các ban ngành liên quan", "Hiệu trưởng", "các ban ngành liên quan");
        assertPeople("- Hiệu trưởng\n- Giáo viên chủ nhiệm;", "Hiệu trưởng", "Giáo viên chủ nhiệm");
        assertPeople("Chủ trì: Phó hiệu trưởng\nPhối hợp: Tổ trưởng, giáo viên", "Phó hiệu trưởng", "Tổ trưởng", "giáo viên");
        assertPeople("Gia đình-Nhà trường", "Gia đình-Nhà trường");
        assertThat(PeopleParser.parse("").lead()).isNull();
    }

    @Test
    void formatsPeopleSoTheyReadBackTheSame() {
        List<List<String>> cases = List.of(List.of("BGH", "nhân viên kế toán", "Hội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học"),
                List.of("Hiệu trưởng", "đại diện cha mẹ học sinh", "kế hoạch viên"), List.of("Hiệu trưởng"));
        for (List<String> people : cases) {
            String text = PeopleParser.format(people.get(0), people.subList(1, people.size()));
            PeopleParser.People read = PeopleParser.parse(text);
            assertThat(read.lead()).isEqualTo(people.get(0));
            assertThat(read.coordinators()).isEqualTo(people.subList(1, people.size()));
        }
    }

    @Test
    void readsCriterionCellsAndNames() {
        assertCriterion("Tiêu chí 1.4", "1.4", null);
        assertCriterion("Tiêu chí 1.1. Phương hướng, chiến lược", "1.1", "Phương hướng, chiến lược");
        assertCriterion("Tiêu chí 5.1: Thực hiện Chương trình giáo dục mầm non", "5.1", "Thực hiện Chương trình giáo dục mầm non");
        assertCriterion("TIÊU CHÍ 3.10 Thư viện", "3.10", "Thư viện");
        assertCriterion("2", "M4.2", null);
        assertCriterion("Khoản 3 Điều 22", "M4.3", "Điều 22");
        assertCriterion("M4.1", "M4.1", null);
        assertThat(CriterionCell.parse("Tiêu chuẩn 1: Tổ chức")).isEmpty();
        assertThat(CriterionCell.parse("Phấn đấu 100% học sinh")).isEmpty();
        assertThat(CriterionCell.StandardCell.parse("Tiêu chuẩn 3: Khối phòng tổ chức ăn"))
                .contains(new CriterionCell.StandardCell(3, "Khối phòng tổ chức ăn"));
    }

    @Test
    void titleCasesVietnameseNames() {
        assertThat(VietnameseText.properName("TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH")).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(VietnameseText.properName("TRƯỜNG MẦM NON TUỔI HỒNG")).isEqualTo("Trường Mầm non Tuổi Hồng");
        assertThat(VietnameseText.properName("TRƯỜNG THCS NGUYỄN DU")).isEqualTo("Trường THCS Nguyễn Du");
        assertThat(VietnameseText.properName("TRƯỜNG TRUNG HỌC PHỔ THÔNG BÙI THỊ XUÂN")).isEqualTo("Trường Trung học phổ thông Bùi Thị Xuân");
        assertThat(VietnameseText.properName("THÀNH PHỐ THỦ ĐỨC")).isEqualTo("Thành phố Thủ Đức");
        assertThat(VietnameseText.properName("Trường Mầm non 19/5")).isEqualTo("Trường Mầm non 19/5");
        assertThat(VietnameseText.fold("Ủy ban")).isEqualTo(VietnameseText.fold("Uỷ ban")).isEqualTo("uy ban");
    }

    private static void assertPeople(String text, String lead, String... coordinators) {
        PeopleParser.People people = PeopleParser.parse(text);
        assertThat(people.lead()).as(text).isEqualTo(lead);
        assertThat(people.coordinators()).as(text).containsExactly(coordinators);
    }

    private static void assertCriterion(String text, String code, String name) {
        CriterionCell cell = CriterionCell.parse(text).orElseThrow();
        assertThat(cell.code().value()).as(text).isEqualTo(code);
        assertThat(cell.name()).as(text).isEqualTo(name);
    }
}
