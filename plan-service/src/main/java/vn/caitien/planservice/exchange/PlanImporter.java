package vn.caitien.planservice.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.caitien.access.PlanScope;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.Diagnostics;
import vn.caitien.documents.read.ImportHints;
import vn.caitien.documents.read.ParsedItem;
import vn.caitien.documents.read.ParsedPlan;
import vn.caitien.documents.read.PlanParser;
import vn.caitien.planservice.web.CommandSender;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports a plan file through the normal command path: CreatePlan, one AddActionItem per accepted
 * row, ApprovePlan when asked, each sent with {@link CommandSender} so actor and correlation id are
 * stamped and every rule and event is the same as typed entry. All of it runs in one database
 * transaction (Axon joins it), together with the file-hash record: an import stores everything or
 * nothing, and two uploads of one file cannot both pass the duplicate check.
 */
@Service
public class PlanImporter {
    private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);

    private final CommandSender commands;
    private final ImportRegistry registry;
    private final CommandDrafts drafts;
    private final TransactionTemplate transactions;
    private final FrameworkCatalog catalog;
    private final UploadLimits limits;
    private final Clock clock;

    /**
     * The uploader's choices: preview only, approve after import, import a known file again, hints, and
     * whose plan it is (school code and managing unit, from the uploader's account).
     */
    record Options(boolean dryRun, boolean approve, boolean force, ImportHints hints, PlanScope scope) {
    }

    PlanImporter(CommandSender commands, ImportRegistry registry, CommandDrafts drafts, TransactionTemplate transactions,
                 FrameworkCatalog catalog, UploadLimits limits, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.drafts = drafts;
        this.transactions = transactions;
        this.catalog = catalog;
        this.limits = limits;
        this.clock = clock;
    }

    ImportResponse importFile(byte[] bytes, String fileName, Options options) {
        ParsedPlan parsed = drafts.check(PlanParser.parse(bytes, options.hints(), catalog, limits.read()));
        String hash = ImportRegistry.sha256(bytes);
        if (options.dryRun()) {
            Optional<String> existing = registry.planFor(hash, options.scope().schoolCode());
            List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
            existing.ifPresent(id -> {
                Diagnostics note = new Diagnostics();
                note.warn(null, null, "file", "Tệp này đã được nhập thành kế hoạch " + id
                        + "; nhập lại sẽ bị từ chối trừ khi gửi force=true");
                diagnostics.addAll(note.all());
            });
            return response(null, true, parsed, existing.orElse(null), Map.of(), diagnostics);
        }
        if (parsed.blocked()) throw blocked(parsed);
        ImportResponse response = transactions.execute(status -> {
            registry.lock(hash);
            Optional<String> existing = registry.planFor(hash, options.scope().schoolCode());
            if (existing.isPresent() && !options.force()) throw ImportRefused.duplicate(existing.get());
            PlanId planId = PlanId.random();
            commands.send(drafts.createPlan(parsed.header(), planId, options.scope()));
            Map<Integer, String> itemIds = new HashMap<>();
            for (ParsedItem item : parsed.importable()) {
                ActionItemId itemId = ActionItemId.random();
                commands.send(new AddActionItem(planId, itemId, drafts.details(item), null));
                itemIds.put(item.row(), itemId.value());
            }
            if (options.approve()) {
                commands.send(new ApprovePlan(planId, approvedOn(parsed), parsed.header().signerName()));
            }
            registry.record(hash, planId.value(), fileName, parsed.format().name().toLowerCase(), clock.instant());
            return response(planId.value(), false, parsed, existing.orElse(null), itemIds, parsed.diagnostics());
        });
        log.info("Đã nhập kế hoạch {} từ tệp {} ({} nội dung, {} cảnh báo/lỗi)", response.planId(), fileName,
                response.items().stream().filter(i -> i.itemId() != null).count(), response.diagnostics().size());
        return response;
    }

    /** The plan is issued on the document's date, unless that is missing or in the future. */
    private LocalDate approvedOn(ParsedPlan parsed) {
        LocalDate today = LocalDate.now(clock);
        LocalDate issued = parsed.header().issueDate();
        return issued == null || issued.isAfter(today) ? today : issued;
    }

    private static ImportResponse response(String planId, boolean dryRun, ParsedPlan parsed, String existing,
                                           Map<Integer, String> itemIds, List<Diagnostic> diagnostics) {
        List<ImportResponse.Item> items = parsed.items().stream()
                .map(i -> new ImportResponse.Item(itemIds.get(i.row()), i)).toList();
        return new ImportResponse(planId, planId != null, dryRun, parsed.format().name().toLowerCase(), existing,
                parsed.header(), items, diagnostics);
    }

    private static ImportRefused blocked(ParsedPlan parsed) {
        List<Diagnostic> blocking = parsed.diagnostics().stream().filter(Diagnostic::blocksImport).toList();
        String detail = blocking.stream().map(Diagnostic::message).collect(Collectors.joining("; "));
        return new ImportRefused(422, "import-invalid-plan", "Không nhập được kế hoạch từ tệp", detail,
                blocking.get(0).field(), Map.of("diagnostics", parsed.diagnostics()));
    }
}
