package vn.caitien.documents.read;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.plan.SchoolType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which criteria catalogue the plan follows. In order: the uploader's {@code frameworkId}, the one an
 * exported plan stored, the circular the text cites ("Thông tư 17/2018", "Thông tư số 19/2018/TT-BGDĐT",
 * legal bases first), and otherwise the circular for the school's type (Mầm non → TT19-2018,
 * Tiểu học → TT17-2018, THCS/THPT → TT18-2018, taken from the catalogue's data). A cited circular
 * that does not apply to the school's type loses to the type, with a warning, because the plan
 * would refuse it.
 */
public final class FrameworkChoice {
    private static final Pattern CIRCULAR = Pattern.compile("(?:thong tu|\\btt)\\s*(?:so\\s*)?(\\d{1,3})\\s*/\\s*(\\d{4})");

    private FrameworkChoice() {
    }

    /** The framework and the school type (completed from the framework when the name did not say). */
    public record Choice(Framework framework, SchoolType schoolType) {
    }

    public static Optional<Choice> choose(ParsedHeader header, List<String> text, ImportHints hints,
                                          String storedId, FrameworkCatalog catalog, Diagnostics diagnostics) {
        SchoolType type = header.schoolType();
        if (hints.frameworkId() != null) {
            Optional<Framework> given = catalog.find(hints.frameworkId());
            if (given.isEmpty()) {
                diagnostics.fatal("frameworkId", "Không có bộ tiêu chuẩn “" + hints.frameworkId() + "”; các bộ hiện có: "
                        + FrameworkCatalog.BUNDLED);
                return Optional.empty();
            }
            return Optional.of(new Choice(given.get(), type != null ? type : onlyType(given.get())));
        }
        Optional<Framework> stored = catalog.find(storedId).filter(f -> type == null || f.schoolTypes().contains(type));
        if (stored.isPresent()) return Optional.of(new Choice(stored.get(), type != null ? type : onlyType(stored.get())));

        List<Framework> cited = new ArrayList<>();
        List<String> sources = new ArrayList<>(header.legalBases());
        sources.addAll(text);
        for (String line : sources) {
            Matcher m = CIRCULAR.matcher(VietnameseText.fold(line));
            while (m.find()) {
                String prefix = "TT" + Integer.parseInt(m.group(1)) + "-" + m.group(2);
                catalog.all().stream().filter(f -> f.id().equals(prefix) || f.id().startsWith(prefix + "-"))
                        .filter(f -> !cited.contains(f)).forEach(cited::add);
            }
        }
        Optional<Framework> fitting = cited.stream().filter(f -> type == null || f.schoolTypes().contains(type)).findFirst();
        if (fitting.isPresent()) {
            return Optional.of(new Choice(fitting.get(), type != null ? type : onlyType(fitting.get())));
        }
        if (type == null) {
            diagnostics.fatal("frameworkId", "Không xác định được bộ tiêu chuẩn: văn bản không dẫn thông tư nào và tên "
                    + "trường không cho biết loại hình; hãy gửi tham số frameworkId (vd. TT17-2018)");
            return Optional.empty();
        }
        Optional<Framework> forType = catalog.all().stream()
                .filter(f -> !f.provisional() && f.schoolTypes().contains(type)).findFirst();
        if (forType.isEmpty()) {
            diagnostics.fatal("frameworkId", "Không có bộ tiêu chuẩn cho trường " + type.label().toLowerCase());
            return Optional.empty();
        }
        if (!cited.isEmpty()) {
            diagnostics.warn(null, null, "frameworkId", "Văn bản dẫn " + cited.get(0).title() + " nhưng đó không phải "
                    + "bộ tiêu chuẩn của trường " + type.label().toLowerCase() + "; dùng " + forType.get().title());
        }
        return Optional.of(new Choice(forType.get(), type));
    }

    private static SchoolType onlyType(Framework framework) {
        return framework.schoolTypes().size() == 1 ? framework.schoolTypes().get(0) : null;
    }
}
