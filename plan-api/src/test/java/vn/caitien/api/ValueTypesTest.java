package vn.caitien.api;

import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void schoolYearsAreReadWithAnyDash() {
        for (String text : List.of("2023-2024", "2023 - 2024", "2023 – 2024", "2023—2024")) {
            assertThat(SchoolYear.parse(text).toString()).isEqualTo("2023-2024");
        }
        assertThat(SchoolYear.parse("2023-2024").contains(YearMonth.of(2024, 5))).isTrue();
        assertThat(SchoolYear.parse("2023-2024").contains(YearMonth.of(2024, 6))).isFalse();
        assertThatThrownBy(() -> SchoolYear.parse("2023-2025")).hasMessageContaining("hai năm liên tiếp");
        assertThatThrownBy(() -> SchoolYear.parse("năm nay")).hasMessageContaining("2023-2024");
    }

    @Test
    void criterionCodesAcceptWhatPlansWrite() {
        assertThat(CriterionCode.parse("Tiêu chí 1.4").value()).isEqualTo("1.4");
        assertThat(CriterionCode.parse("Tiêu chí 5.1:").value()).isEqualTo("5.1");
        assertThat(CriterionCode.parse("01.10").value()).isEqualTo("1.10");
        assertThat(CriterionCode.parse("m4.2").value()).isEqualTo("M4.2");
        assertThat(CriterionCode.parse("2").value()).isEqualTo("M4.2");
        assertThat(CriterionCode.parse("3.4").standardNo()).isEqualTo(3);
        assertThatThrownBy(() -> CriterionCode.parse("ba chấm bốn")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelGroupsAreReadFromTheirLabels() {
        assertThat(LevelGroup.parse("MỨC 1, 2, 3")).isEqualTo(LevelGroup.LEVELS_1_TO_3);
        assertThat(LevelGroup.parse("1-3")).isEqualTo(LevelGroup.LEVELS_1_TO_3);
        assertThat(LevelGroup.parse("MUC_1_2_3")).isEqualTo(LevelGroup.LEVELS_1_TO_3);
        assertThat(LevelGroup.parse("Mức 4").isLevel4()).isTrue();
        assertThat(LevelGroup.parse("MỨC 2").label()).isEqualTo("MỨC 2");
        assertThatThrownBy(() -> LevelGroup.parse("MỨC 5")).hasMessageContaining("1 đến 4");
    }

    @Test
    void moneyIsWrittenTheVietnameseWay() {
        assertThat(Money.of(494_510_000).display()).isEqualTo("494.510.000 đồng");
        assertThatThrownBy(() -> Money.of(-1)).hasMessageContaining("âm");
    }

    @Test
    void theCataloguesHoldTheCircularsCriteria() {
        FrameworkCatalog catalog = FrameworkCatalog.standard();
        Framework tt17 = catalog.find("TT17-2018").orElseThrow();
        assertThat(tt17.criteriaCount()).isEqualTo(27);
        assertThat(tt17.level4Criteria()).hasSize(5);
        assertThat(tt17.hasCriterion(CriterionCode.parse("3.4"))).isTrue();
        assertThat(tt17.hasCriterion(CriterionCode.parse("5.6"))).isFalse();
        assertThat(tt17.schoolTypes()).containsExactly(SchoolType.TIEU_HOC);
        assertThat(catalog.find("TT18-2018").orElseThrow().criteriaCount()).isEqualTo(28);
        assertThat(catalog.find("TT19-2018").orElseThrow().criteriaCount()).isEqualTo(25);
        Framework tt57 = catalog.find("TT57-2026-PT").orElseThrow();
        assertThat(tt57.provisional()).isTrue();
        assertThat(tt57.criteriaCount()).isEqualTo(15);
        assertThat(tt57.levels()).containsExactly(1, 2);
        assertThat(catalog.find("TT99")).isEmpty();
    }
}
