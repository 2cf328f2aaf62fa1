package vn.caitien.planservice.domain;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.LevelAttainment;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.progress.RecordProgress;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks the plan applies to a command's content against the plan's framework. */
final class PlanRules {

    private PlanRules() {
    }

    static void checkNewPlan(CreatePlan command, FrameworkCatalog catalog) {
        Framework framework = catalog.find(command.frameworkId()).orElseThrow(() -> new PlanRejected(
                Rejection.UNKNOWN_FRAMEWORK, "Không có bộ tiêu chuẩn '" + command.frameworkId()
                + "'; các bộ hiện có: " + FrameworkCatalog.BUNDLED));
        if (command.school() != null && !framework.schoolTypes().contains(command.school().type())) {
            throw new PlanRejected(Rejection.FRAMEWORK_NOT_FOR_SCHOOL_TYPE, framework.title()
                    + " không áp dụng cho trường " + command.school().type().label().toLowerCase());
        }
        checkBaseline(command.baseline(), framework);
    }

    private static void checkBaseline(Baseline baseline, Framework framework) {
        if (baseline == null) return;
        for (int i = 0; i < baseline.levels().size(); i++) {
            LevelAttainment level = baseline.levels().get(i);
            String field = "baseline.levels[" + i + "]";
            if (!framework.hasLevel(level.level())) {
                throw new PlanRejected(Rejection.INVALID_BASELINE, field + ".level",
                        framework.title() + " không có mức " + level.level());
            }
            if (level.total() < 0 || level.met() < 0 || level.met() > level.total()) {
                throw new PlanRejected(Rejection.INVALID_BASELINE, field + ".met",
                        "Số tiêu chí đạt mức " + level.level() + " phải từ 0 đến tổng số (" + level.met() + "/"
                                + level.total() + ")");
            }
        }
        Integer overall = baseline.overallLevel();
        if (overall != null && (overall < 0 || (overall > 0 && !framework.hasLevel(overall)))) {
            throw new PlanRejected(Rejection.INVALID_BASELINE, "baseline.overallLevel",
                    "Mức đạt chung " + overall + " không có trong " + framework.title());
        }
    }

    /** Checks a row's content and returns it with the criterion in its canonical form. */
    static ActionItemDetails checkDetails(ActionItemDetails details, Framework framework) {
        CriterionCode code = details.criterionCode();
        if (details.levelGroup() == null) {
            details = details.withLevelGroup(defaultGroup(code, framework));
        }
        LevelGroup group = details.levelGroup();
        for (int level : group.levels()) {
            if (!framework.hasLevel(level)) {
                throw new PlanRejected(Rejection.INVALID_LEVEL_GROUP, framework.title() + " không có mức " + level);
            }
        }
        if (group.includesLevel4() && !group.isLevel4()) {
            throw new PlanRejected(Rejection.INVALID_LEVEL_GROUP, "Mức 4 là một nhóm riêng, không gộp với mức 1-3");
        }
        if (code.isLevel4() != group.isLevel4()) {
            throw new PlanRejected(Rejection.INVALID_LEVEL_GROUP, code.isLevel4()
                    ? "Tiêu chí mức 4 (" + code + ") phải thuộc nhóm MỨC 4"
                    : "Tiêu chí " + code + " thuộc các mức 1-3, không thuộc nhóm MỨC 4");
        }
        if (!framework.hasCriterion(code)) {
            throw new PlanRejected(Rejection.UNKNOWN_CRITERION, "Tiêu chí " + code + " không có trong "
                    + framework.title());
        }
        if (details.schedule() != null && !details.schedule().isValid()) {
            throw new PlanRejected(Rejection.INVALID_SCHEDULE, "schedule.end", "Thời gian hoàn thành ("
                    + details.schedule().end() + ") trước thời gian bắt đầu (" + details.schedule().start() + ")");
        }
        return details;
    }

    /** Without a level row, a criterion sits in the framework's ordinary levels, or in MỨC 4. */
    private static LevelGroup defaultGroup(CriterionCode code, Framework framework) {
        if (code.isLevel4()) return LevelGroup.LEVEL_4;
        return new LevelGroup(framework.levels().stream().filter(l -> l < 4).toList());
    }

    static void checkProgress(RecordProgress command, ActionItemDetails item, Framework framework) {
        Integer percent = command.percent();
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new PlanRejected(Rejection.PERCENT_OUT_OF_RANGE, "Tỉ lệ " + percent + "% nằm ngoài 0-100%");
        }
        if (percent != null && command.status() == ProgressStatus.HOAN_THANH && percent != 100) {
            throw new PlanRejected(Rejection.STATUS_CONTRADICTS_PERCENT,
                    "Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được " + percent + "%");
        }
        if (percent != null && command.status() == ProgressStatus.CHUA_THUC_HIEN && percent != 0) {
            throw new PlanRejected(Rejection.STATUS_CONTRADICTS_PERCENT,
                    "Trạng thái Chưa thực hiện không thể có tỉ lệ " + percent + "%");
        }
        Set<String> indicatorNames = item.indicators().stream().map(Indicator::name).collect(Collectors.toSet());
        List<IndicatorValue> values = command.indicatorValues();
        for (int i = 0; i < values.size(); i++) {
            if (!indicatorNames.contains(values.get(i).name())) {
                throw new PlanRejected(Rejection.UNKNOWN_INDICATOR, "indicatorValues[" + i + "].name",
                        "Nội dung này không có chỉ số '" + values.get(i).name() + "'; các chỉ số: " + indicatorNames);
            }
        }
        List<EvidenceCode> evidence = command.evidenceCodes();
        for (int i = 0; i < evidence.size(); i++) {
            if (!framework.hasCriterion(evidence.get(i).criterion())) {
                throw new PlanRejected(Rejection.EVIDENCE_CRITERION_UNKNOWN, "evidenceCodes[" + i + "]",
                        "Minh chứng " + evidence.get(i) + " tham chiếu tiêu chí " + evidence.get(i).criterion()
                                + " không có trong " + framework.title());
            }
        }
    }
}
