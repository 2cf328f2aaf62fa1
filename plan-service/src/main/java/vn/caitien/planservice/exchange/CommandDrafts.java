package vn.caitien.planservice.exchange;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import vn.caitien.access.PlanScope;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.Diagnostics;
import vn.caitien.documents.read.ParsedHeader;
import vn.caitien.documents.read.ParsedItem;
import vn.caitien.documents.read.ParsedPlan;
import vn.caitien.planservice.domain.PlanLimits;
import vn.caitien.planservice.web.item.ItemRequest;
import vn.caitien.planservice.web.plan.CreatePlanRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An imported plan goes through the same request bodies as typed entry ({@link CreatePlanRequest},
 * {@link ItemRequest}) and their bean-validation constraints, so a value typed entry would refuse
 * (a 65-character document number, a row without "Kết quả cần đạt") is refused here too: the plan
 * as a whole for the header, the row alone for an item. The conversion to commands mirrors the
 * requests' own ({@code toCommand}, {@code toDetails}), which are package-private to their controllers.
 */
@Component
class CommandDrafts {
    private final PlanLimits limits;
    private final Validator validator;

    CommandDrafts(Validator validator, PlanLimits limits) {
        this.validator = validator;
        this.limits = limits;
    }

    /** The parsed plan with the request checks applied: more diagnostics, invalid rows skipped. */
    ParsedPlan check(ParsedPlan parsed) {
        Diagnostics found = new Diagnostics();
        if (!parsed.blocked()) {
            for (ConstraintViolation<CreatePlanRequest> v : sorted(validator.validate(request(parsed.header())))) {
                found.fatal(v.getPropertyPath().toString(), v.getMessage());
            }
        }
        List<ParsedItem> items = new ArrayList<>();
        for (ParsedItem item : parsed.items()) {
            if (item.skipped()) {
                items.add(item);
                continue;
            }
            Set<ConstraintViolation<ItemRequest>> violations = validator.validate(request(item));
            for (ConstraintViolation<ItemRequest> v : sorted(violations)) {
                String field = v.getPropertyPath().toString();
                String root = field.replaceAll("[.\\[].*$", "");
                found.error(item.row(), parsed.column(root), field, v.getMessage() + "; bỏ qua dòng này");
            }
            items.add(violations.isEmpty() ? item : item.skip());
        }
        // The plan would refuse the row past its limit in the middle of the import: say so before, with the row.
        List<ParsedItem> importable = items.stream().filter(i -> !i.skipped()).toList();
        if (importable.size() > limits.getMaxItems()) {
            ParsedItem first = importable.get(limits.getMaxItems());
            found.error(first.row(), null, "items", String.format("Tệp có %d dòng kế hoạch, vượt giới hạn %d dòng của một "
                    + "kế hoạch (từ dòng này trở đi); hãy tách hoặc rút gọn kế hoạch", importable.size(), limits.getMaxItems()));
            found.fatal("items", "Kế hoạch không được quá " + limits.getMaxItems() + " dòng");
        }
        List<Diagnostic> more = found.all();
        return more.isEmpty() ? parsed : parsed.with(items, more);
    }

    /** The plan as the file describes it, for the school and managing unit of the uploader's account. */
    CreatePlan createPlan(ParsedHeader header, PlanId planId, PlanScope scope) {
        CreatePlanRequest request = request(header);
        CreatePlanRequest.SchoolRequest school = request.school();
        return new CreatePlan(planId, new School(school.name().strip(), scope.schoolCode(), school.type(), scope.managingUnit()),
                request.frameworkId().strip(), request.schoolYear(), request.documentNumber().strip(), request.issueDate(),
                request.issuePlace(), request.legalBases(), request.baseline());
    }

    ActionItemDetails details(ParsedItem item) {
        ItemRequest r = request(item);
        return new ActionItemDetails(r.criterionCode(), r.levelGroup(), r.targetResult().strip(), List.of(), r.tasks(),
                r.lead(), r.coordinators(),
                r.schedule() == null ? null : new Schedule(r.schedule().start(), r.schedule().end(), r.schedule().text()),
                r.budget() == null ? null : new Budget(r.budget().amount() == null ? null : Money.of(r.budget().amount()),
                        r.budget().perSchoolYear(), r.budget().fundingSource(), r.budget().note(), r.budget().text()),
                r.supportConditions(), r.notes());
    }

    private static CreatePlanRequest request(ParsedHeader h) {
        return new CreatePlanRequest(null,
                new CreatePlanRequest.SchoolRequest(h.schoolName(), null, h.schoolType(), h.managingUnit()),
                h.frameworkId(), h.schoolYear(), h.documentNumber(), h.issueDate(), h.issuePlace(), h.legalBases(), null);
    }

    private static ItemRequest request(ParsedItem i) {
        Schedule s = i.schedule();
        Budget b = i.budget();
        return new ItemRequest(i.criterionCode(), i.levelGroup(), i.targetResult(), null, i.tasks(), i.lead(),
                i.coordinators(),
                s == null ? null : new ItemRequest.ScheduleRequest(s.start(), s.end(), s.text()),
                b == null ? null : new ItemRequest.BudgetRequest(b.amount() == null ? null : b.amount().vnd(),
                        b.perSchoolYear(), b.fundingSource(), b.note(), b.text()),
                i.supportConditions(), i.notes(), null);
    }

    private static <T> List<ConstraintViolation<T>> sorted(Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
    }
}
