package vn.caitien.infra.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One demo script, e.g. {@value #LE_DINH_CHINH}: a real plan, its Word document ({@code docx}, bundled
 * next to the script and uploaded to the importer as a school would) and the same plan typed from it,
 * then a school year of progress records and monitoring reports in date order.
 *
 * <p>The typed plan ({@code plan.request}, {@code items}) gives the hints the document lacks (managing
 * unit, document number), the measurable indicators the council adds after the import, and the
 * criteria the import must yield; it also documents the plan-service API.
 *
 * <p>Each step keeps its REST body as a JSON tree ({@code request}, {@code progress}, {@code report})
 * exactly as the plan-service API takes it, so the loader posts it unchanged and the file doubles as
 * an example of the API. Around the body a step only adds who acts ({@code actor}: the loader logs in as
 * the demo account of that title and name, see vn.caitien.infra.login.DemoUsers),
 * when ({@code at}) and, for progress, which plan row it is about ({@code itemKey}, the criterion code
 * written in the plan, because item ids only exist once the service has created them).
 */
public final class DemoData {
    /** Trường Tiểu học Lê Đình Chinh, 107/KH-LĐC, 2023-2024: the main demo plan. */
    public static final String LE_DINH_CHINH = "/demo/le-dinh-chinh-2023-2024.json";
    /** Trường Mầm non Tuổi Hồng, 2021-2022: a preschool plan under TT19, its year-end report missing. */
    public static final String TUOI_HONG = "/demo/tuoi-hong-2021-2022.json";
    /** The demo scripts in the order they are loaded; the first is the main one. */
    public static final List<String> RESOURCES = List.of(LE_DINH_CHINH, TUOI_HONG);

    /** Creating the plan or approving it. */
    public record Step(LocalDate at, String actor, Map<String, Object> request) {
    }

    /** One row of the plan table; {@code key} names it for the timeline. */
    public record ItemStep(String key, String actor, Map<String, Object> request) {
        public String criterionCode() { return (String) request.get("criterionCode"); }
    }

    /** Something that happens during the school year, in date order. */
    public sealed interface Event permits ProgressEvent, ReportEvent {
        LocalDate at();

        String actor();

        Map<String, Object> request();
    }

    /** A progress record for the plan row {@code itemKey}. */
    public record ProgressEvent(LocalDate at, String actor, String itemKey, Map<String, Object> request)
            implements Event {
        public String status() { return (String) request.get("status"); }
    }

    /**
     * A periodic report of the monitoring team (tổ giám sát); its body carries {@code submittedOn}, the
     * day it was sent ({@code at}), by which the service judges it on time or late.
     */
    public record ReportEvent(LocalDate at, String actor, Map<String, Object> request) implements Event {
        public String period() { return (String) request.get("period"); }
    }

    private final String source;
    private final String docx;
    private final Step plan;
    private final List<ItemStep> items;
    private final Step approve;
    private final List<Event> timeline;

    private DemoData(String source, String docx, Step plan, List<ItemStep> items, Step approve, List<Event> timeline) {
        this.source = source;
        this.docx = docx;
        this.plan = plan;
        this.items = List.copyOf(items);
        this.approve = approve;
        this.timeline = List.copyOf(timeline);
    }

    /** Reads one bundled demo script, e.g. {@link #LE_DINH_CHINH}. */
    public static DemoData load(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Không tìm thấy dữ liệu mẫu " + resource);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được dữ liệu mẫu " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads every bundled demo script, in {@link #RESOURCES} order. */
    public static List<DemoData> all() {
        return RESOURCES.stream().map(DemoData::load).toList();
    }

    /** Parses a demo script; a malformed one fails here, before anything is sent to the service. */
    public static DemoData parse(String json) {
        Map<String, Object> root = object(Json.parse(json), "gốc");
        Map<String, Object> plan = object(root.get("plan"), "plan");
        List<ItemStep> items = new ArrayList<>();
        List<Object> rawItems = list(root.get("items"), "items");
        for (int i = 0; i < rawItems.size(); i++) {
            String where = "items[" + i + "]";
            Map<String, Object> item = object(rawItems.get(i), where);
            items.add(new ItemStep(text(item, "key", where), text(item, "actor", where),
                    object(item.get("request"), where + ".request")));
        }
        Map<String, Object> approve = object(root.get("approve"), "approve");
        List<Event> timeline = new ArrayList<>();
        List<Object> rawTimeline = list(root.get("timeline"), "timeline");
        for (int i = 0; i < rawTimeline.size(); i++) {
            timeline.add(event(object(rawTimeline.get(i), "timeline[" + i + "]"), "timeline[" + i + "]"));
        }
        String docx = text(root, "docx", "gốc");
        if (!docx.endsWith(".docx") || docx.contains("/")) {
            throw new IllegalArgumentException("docx: cần tên một tệp .docx nằm cạnh kịch bản, nhận được '" + docx + "'");
        }
        return new DemoData((String) root.get("source"), docx, step(plan, "plan"), items, step(approve, "approve"),
                timeline);
    }

    private static Step step(Map<String, Object> node, String where) {
        return new Step(date(node, where), text(node, "actor", where), object(node.get("request"), where + ".request"));
    }

    private static Event event(Map<String, Object> node, String where) {
        boolean progress = node.containsKey("progress");
        // Exactly one kind per entry, so a typo cannot turn a report into a silent no-op.
        if (progress == node.containsKey("report")) {
            throw new IllegalArgumentException(where + ": cần đúng một trong hai trường 'progress' hoặc 'report'");
        }
        if (progress) {
            return new ProgressEvent(date(node, where), text(node, "actor", where), text(node, "itemKey", where),
                    object(node.get("progress"), where + ".progress"));
        }
        return new ReportEvent(date(node, where), text(node, "actor", where),
                object(node.get("report"), where + ".report"));
    }

    public String source() { return source; }

    /** File name of the plan's Word document, e.g. le-dinh-chinh-2023-2024.docx. */
    public String docx() { return docx; }

    /** The bytes of {@link #docx()}, read from the bundled resources under /demo/. */
    public byte[] docxBytes() {
        String resource = "/demo/" + docx;
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Không tìm thấy tệp kế hoạch mẫu " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp kế hoạch mẫu " + resource, e);
        }
    }

    public Step plan() { return plan; }

    public List<ItemStep> items() { return items; }

    public Step approve() { return approve; }

    public List<Event> timeline() { return timeline; }

    public String documentNumber() { return (String) plan.request().get("documentNumber"); }

    public String schoolYear() { return (String) plan.request().get("schoolYear"); }

    public String schoolName() {
        return (String) object(plan.request().get("school"), "plan.request.school").get("name");
    }

    /** Items whose request has measurable indicators, which the importer does not invent: updated after it. */
    public List<ItemStep> indicatorItems() {
        return items.stream().filter(i -> i.request().get("indicators") instanceof List<?> l && !l.isEmpty()).toList();
    }

    /**
     * The script's managing units from the top down, joined by "/". The loader does not send it: plan-service
     * files the plan under its principal's account unit, which the demo accounts set to this same path.
     */
    public String managingUnit() {
        Object units = object(plan.request().get("school"), "plan.request.school").get("managingUnit");
        return units instanceof List<?> list ? String.join("/", list.stream().map(String::valueOf).toList()) : null;
    }

    /** Calls the loader makes: the import, each indicator update, the approval, each timeline entry. */
    public int stepCount() { return 2 + indicatorItems().size() + timeline.size(); }

    public long progressCount() { return timeline.stream().filter(e -> e instanceof ProgressEvent).count(); }

    public long reportCount() { return timeline.stream().filter(e -> e instanceof ReportEvent).count(); }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object node, String where) {
        if (node instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new IllegalArgumentException(where + ": cần một đối tượng JSON");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String where) {
        if (node instanceof List<?> list) return (List<Object>) list;
        throw new IllegalArgumentException(where + ": cần một mảng JSON");
    }

    private static String text(Map<String, Object> node, String field, String where) {
        if (node.get(field) instanceof String s && !s.isBlank()) return s;
        throw new IllegalArgumentException(where + "." + field + ": cần một chuỗi không trống");
    }

    private static LocalDate date(Map<String, Object> node, String where) {
        String at = text(node, "at", where);
        try {
            return LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ".at: ngày '" + at + "' không đúng dạng yyyy-MM-dd", e);
        }
    }
}
