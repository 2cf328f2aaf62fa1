package vn.caitien.api.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.plan.SchoolType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An accreditation framework (the criteria of one circular). Plans name their framework by id, so
 * plans under the 2018 circulars and under TT57 coexist.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Framework(
        String id,
        String title,
        LocalDate issuedDate,
        List<SchoolType> schoolTypes,
        List<Integer> levels,
        boolean provisional,
        List<Standard> standards,
        List<Level4Criterion> level4Criteria) {

    public Framework {
        schoolTypes = schoolTypes == null ? List.of() : List.copyOf(schoolTypes);
        levels = levels == null ? List.of() : List.copyOf(levels);
        standards = standards == null ? List.of() : List.copyOf(standards);
        level4Criteria = level4Criteria == null ? List.of() : List.copyOf(level4Criteria);
    }

    public Optional<Standard> standard(int no) {
        return standards.stream().filter(s -> s.no() == no).findFirst();
    }

    /** The criterion's display name, if the framework has it. */
    public Optional<String> criterionName(CriterionCode code) {
        if (code.isLevel4()) {
            return level4Criteria.stream().filter(c -> c.code().equals(code.value()))
                    .map(Level4Criterion::summary).findFirst();
        }
        return standard(code.standardNo()).flatMap(s -> s.criteria().stream()
                .filter(c -> c.code().equals(code.value())).map(Criterion::name).findFirst());
    }

    public boolean hasCriterion(CriterionCode code) { return criterionName(code).isPresent(); }

    public boolean hasLevel(int level) { return levels.contains(level); }

    public int criteriaCount() { return standards.stream().mapToInt(s -> s.criteria().size()).sum(); }
}
