package vn.caitien.infra.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.CloudEventsConverter;
import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic, deterministic synthetic load: schools of every type spread over provinces and communes,
 * each with an improvement plan of 5–20 items on real criteria of its framework (read from plan-api's
 * catalogues {@code /frameworks/<id>.json} on the classpath), progress over the school year and the
 * periodic reports. The same seed and size always give the same data.
 *
 * <p>Two forms: {@linkplain SyntheticPlan#createPlanBody() request bodies} exactly as plan-service's REST
 * API takes them (to drive the system through its front door), and {@linkplain SyntheticPlan#cloudEvents()
 * events} in the wire format of {@code caitien.plan.events} (docs/events.md) to load read models in bulk.
 * Plans are generated lazily per school, so a million events never sit in memory at once.
 *
 * @param seed            the seed; everything follows from it
 * @param schools         how many schools (one plan each)
 * @param officeSchools   how many of them are in the first province (Thành phố Hồ Chí Minh), the one an
 *                        office dashboard is measured on; the rest are spread over the other provinces
 * @param minProgress     fewest progress records per item over the year
 * @param maxProgress     most progress records per item over the year
 */
public record SyntheticData(long seed, int schools, int officeSchools, int minProgress, int maxProgress) {
    public static final String SCHOOL_YEAR = "2023-2024";
    public static final String OFFICE_PROVINCE = Places.PROVINCES.get(0).name();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate YEAR_START = LocalDate.of(2023, 9, 5);
    private static final LocalDate YEAR_END = LocalDate.of(2024, 5, 25);
    private static final Map<String, List<Criterion>> CATALOGUES = new HashMap<>();

    public SyntheticData {
        if (schools < 1 || officeSchools < 0 || officeSchools > schools || minProgress < 0 || maxProgress < minProgress) {
            throw new IllegalArgumentException("schools " + schools + ", office " + officeSchools + ", progress "
                    + minProgress + ".." + maxProgress);
        }
    }

    /** One criterion of a framework: its code and the levels it has. */
    public record Criterion(String code, List<Integer> levels) {
    }

    public enum SchoolType {
        MAM_NON("Trường Mầm non", "TT19-2018"),
        TIEU_HOC("Trường Tiểu học", "TT17-2018"),
        THCS("Trường THCS", "TT18-2018"),
        THPT("Trường THPT", "TT18-2018"),
        PHO_THONG_NHIEU_CAP("Trường TH, THCS và THPT", "TT18-2018");

        final String prefix;
        final String frameworkId;

        SchoolType(String prefix, String frameworkId) {
            this.prefix = prefix;
            this.frameworkId = frameworkId;
        }

        public String frameworkId() { return frameworkId; }
    }

    /** A school with its place in the administrative tree and its one plan of the school year. */
    public record School(int index, String name, String code, SchoolType type, List<String> managingUnit,
                         String planId, String principal) {
        public String province() { return managingUnit.get(0); }
    }

    /** The school at this index (0-based); cheap, no plan generated. */
    public School school(int index) {
        Random r = random(index, 1);
        Places.Province province = index < officeSchools ? Places.PROVINCES.get(0)
                : Places.PROVINCES.get(1 + Math.floorMod(index - officeSchools, Places.PROVINCES.size() - 1));
        String commune = pick(r, province.communes());
        // Roughly as schools are spread: more primary and kindergarten than upper secondary.
        int t = r.nextInt(100);
        SchoolType type = t < 30 ? SchoolType.MAM_NON : t < 62 ? SchoolType.TIEU_HOC : t < 85 ? SchoolType.THCS
                : t < 96 ? SchoolType.THPT : SchoolType.PHO_THONG_NHIEU_CAP;
        String namesake = type == SchoolType.MAM_NON ? pick(r, Places.KINDERGARTEN_NAMES) : pick(r, Places.NAMESAKES);
        String name = type.prefix + " " + namesake + " (" + commune + ")";
        String code = province.code() + String.format("%06d", index);
        return new School(index, name, code, type, List.of(province.name(), commune),
                new UUID(seed, 0x5C_0000_0000L + index).toString(), person(r));
    }

    public List<School> allSchools() {
        List<School> all = new ArrayList<>(schools);
        for (int i = 0; i < schools; i++) all.add(school(i));
        return all;
    }

    /** The plan of the school at this index, generated from the seed. */
    public SyntheticPlan plan(int index) {
        School school = school(index);
        Random r = random(index, 2);
        List<Criterion> catalogue = new ArrayList<>(criteria(school.type().frameworkId()));
        Collections.shuffle(catalogue, r);
        int count = Math.min(catalogue.size(), 5 + r.nextInt(16));
        List<SyntheticItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) items.add(item(r, school, i, catalogue.get(i)));
        List<SyntheticReport> reports = new ArrayList<>();
        // Most schools send on time, some late, a few not at all.
        addReport(r, reports, "DAU_NAM", LocalDate.of(2023, 10, 20), 10);
        addReport(r, reports, "CUOI_HK1", LocalDate.of(2024, 1, 10), 8);
        addReport(r, reports, "CUOI_NAM", LocalDate.of(2024, 5, 24), 10);
        return new SyntheticPlan(school, items, reports, "Năm học " + SCHOOL_YEAR, person(r));
    }

    /** Events a plan of this data set holds (for sizing), without generating their JSON. */
    public long eventCount(int index) {
        SyntheticPlan plan = plan(index);
        long n = 2 + plan.items().size() + plan.reports().size();
        for (SyntheticItem item : plan.items()) n += item.progress().size();
        return n;
    }

    private void addReport(Random r, List<SyntheticReport> reports, String period, LocalDate around, int onTimeDays) {
        int p = r.nextInt(100);
        if (p < 8) return; // not sent
        LocalDate on = p < 80 ? around.plusDays(r.nextInt(onTimeDays)) : around.plusDays(12 + r.nextInt(30));
        reports.add(new SyntheticReport(period, on));
    }

    private SyntheticItem item(Random r, School school, int n, Criterion criterion) {
        int startMonth = r.nextInt(4); // Sep..Dec
        int endMonth = Math.min(8, startMonth + 2 + r.nextInt(7)); // up to May
        LocalDate start = YEAR_START.withDayOfMonth(1).plusMonths(startMonth);
        LocalDate end = YEAR_START.withDayOfMonth(1).plusMonths(endMonth);
        long budget = r.nextInt(4) == 0 ? 0 : 1_000_000L * (1 + r.nextInt(50));
        String indicator = pick(r, Places.INDICATORS);
        int baseline = 40 + r.nextInt(40);
        int target = Math.min(100, baseline + 5 + r.nextInt(20));
        int records = minProgress + r.nextInt(maxProgress - minProgress + 1);
        List<SyntheticProgress> progress = new ArrayList<>();
        long days = YEAR_END.toEpochDay() - YEAR_START.toEpochDay();
        boolean completes = r.nextInt(100) < 75;
        int percent = 0;
        for (int k = 0; k < records; k++) {
            LocalDate on = YEAR_START.plusDays(days * (k + 1) / (records + 1) + r.nextInt(3));
            percent = Math.min(100, percent + 1 + r.nextInt(Math.max(2, 2 * (100 - percent) / Math.max(1, records - k))));
            boolean last = k == records - 1;
            String status = last && completes ? "HOAN_THANH" : r.nextInt(100) < 12 ? "CHAM_TIEN_DO" : "DANG_THUC_HIEN";
            int shown = status.equals("HOAN_THANH") ? 100 : Math.min(percent, 99);
            long spent = budget * shown / 100;
            progress.add(new SyntheticProgress(status, shown, on, spent,
                    "[H" + (1 + r.nextInt(5)) + "-" + criterion.code() + "-0" + (1 + r.nextInt(9)) + "]",
                    indicator, baseline + (target - baseline) * shown / 100));
        }
        return new SyntheticItem(new UUID(seed ^ 0x17E5L, ((long) school.index() << 16) + n).toString(), criterion,
                "Đạt " + indicator.toLowerCase() + " " + target + "% vào cuối năm học", indicator, baseline, target,
                pick(r, Places.LEADS), start, end, budget, progress);
    }

    public record SyntheticItem(String itemId, Criterion criterion, String targetResult, String indicator, int baseline,
                                int target, String lead, LocalDate start, LocalDate end, long budget,
                                List<SyntheticProgress> progress) {
        String levelGroup() {
            StringBuilder s = new StringBuilder("MỨC ");
            for (int i = 0; i < criterion.levels().size(); i++) s.append(i == 0 ? "" : ", ").append(criterion.levels().get(i));
            return s.toString();
        }
    }

    public record SyntheticProgress(String status, int percent, LocalDate effectiveDate, long amountSpentToDate,
                                    String evidenceCode, String indicator, int indicatorValue) {
        /** Body of POST /api/plans/{id}/items/{itemId}/progress. */
        public String body() {
            ObjectNode b = JSON.createObjectNode();
            b.put("status", status).put("percent", percent);
            b.putArray("indicatorValues").addObject().put("name", indicator).put("value", indicatorValue);
            b.put("narrative", "Tổ giám sát kiểm tra minh chứng ngày " + effectiveDate + ": đạt " + percent + "% kế hoạch");
            b.putArray("evidenceCodes").add(evidenceCode);
            b.put("amountSpentToDate", amountSpentToDate).put("effectiveDate", effectiveDate.toString());
            return b.toString();
        }
    }

    public record SyntheticReport(String period, LocalDate submittedOn) {
        public String body() {
            return JSON.createObjectNode().put("period", period).put("schoolYear", SCHOOL_YEAR)
                    .put("submittedOn", submittedOn.toString())
                    .put("summary", "Các nội dung cải tiến được triển khai theo kế hoạch")
                    .put("findings", "Tổ giám sát đã kiểm tra minh chứng của từng nội dung")
                    .put("recommendations", "Tiếp tục theo dõi các nội dung chậm tiến độ").toString();
        }
    }

    /**
     * One key and value of {@code caitien.plan.events}: plan id and structured CloudEvent JSON, whose
     * {@code hash} links it to the plan's previous event as plan-service's chain does.
     */
    public record WireEvent(String key, String value, String hash) {
        /** The record as plan-service's publisher sends it: content type and topic seal in its headers. */
        public ProducerRecord<String, byte[]> record(String topic, TopicSeal seal) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", CloudEventsConverter.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            return seal.seal(record);
        }
    }

    public record SyntheticPlan(School school, List<SyntheticItem> items, List<SyntheticReport> reports,
                                String schoolYearText, String approvedBy) {

        /** Body of POST /api/plans (the service draws the plan's id; the principal's account must be of this school and unit). */
        public String createPlanBody() {
            return planData(false).toString();
        }

        /** Body of POST /api/plans/{id}/items for the item at this position. */
        public String itemBody(int n) {
            return details(items.get(n)).toString();
        }

        public String approveBody() {
            return JSON.createObjectNode().put("approvedOn", "2023-08-25").put("approvedBy", approvedBy).toString();
        }

        /** Every event of the plan over the year, in its stream order, as plan-service would publish them. */
        public List<WireEvent> cloudEvents() {
            List<WireEvent> events = new ArrayList<>();
            String planId = school.planId();
            Instant setUp = LocalDate.of(2023, 8, 20).atTime(8, 0).toInstant(ZoneOffset.ofHours(7));
            events.add(event(events, "PlanCreated", setUp, planData(true)));
            for (SyntheticItem item : items) {
                ObjectNode data = JSON.createObjectNode().put("planId", planId).put("itemId", item.itemId());
                data.set("details", details(item));
                data.putNull("amendmentReason");
                events.add(event(events, "ActionItemAdded", setUp.plusSeconds(60L * events.size()), data));
            }
            events.add(event(events, "PlanApproved", LocalDate.of(2023, 8, 25).atTime(9, 0).toInstant(ZoneOffset.ofHours(7)),
                    JSON.createObjectNode().put("planId", planId).put("approvedOn", "2023-08-25").put("approvedBy", approvedBy)));
            // Progress and reports in the order they happen over the year.
            record Dated(LocalDate on, int order, ObjectNode data, String type) {
            }
            List<Dated> year = new ArrayList<>();
            int order = 0;
            for (SyntheticItem item : items) {
                for (SyntheticProgress p : item.progress()) {
                    ObjectNode data = (ObjectNode) read(p.body());
                    data.put("planId", planId).put("itemId", item.itemId())
                            .put("progressId", UUID.nameUUIDFromBytes((item.itemId() + p.effectiveDate() + order).getBytes()).toString());
                    year.add(new Dated(p.effectiveDate(), order++, data, "ProgressRecorded"));
                }
            }
            for (SyntheticReport report : reports) {
                ObjectNode data = (ObjectNode) read(report.body());
                data.put("planId", planId).put("revision", 1).putNull("correctionReason");
                year.add(new Dated(report.submittedOn(), order++, data, "ReportSubmitted"));
            }
            year.sort((a, b) -> a.on().equals(b.on()) ? Integer.compare(a.order(), b.order()) : a.on().compareTo(b.on()));
            for (Dated d : year) {
                Instant at = d.on().atTime(15, 0).toInstant(ZoneOffset.ofHours(7)).plusSeconds(d.order());
                events.add(event(events, d.type(), at, d.data()));
            }
            return events;
        }

        private WireEvent event(List<WireEvent> before, String type, Instant time, ObjectNode data) {
            int sequence = before.size();
            String previous = before.isEmpty() ? ChainLink.GENESIS : before.get(sequence - 1).hash();
            String id = UUID.nameUUIDFromBytes((school.planId() + "/" + sequence).getBytes()).toString();
            String hash = ChainLink.standInHash(previous, id);
            ObjectNode e = JSON.createObjectNode();
            e.put("specversion", "1.0")
                    .put("id", id)
                    .put("source", "/caitien/plan-service")
                    .put("type", "vn.caitien.plan." + type)
                    .put("subject", school.planId())
                    .put("sequence", Integer.toString(sequence))
                    .put("time", time.toString())
                    .put("datacontenttype", "application/json")
                    .put("actor", type.equals("PlanCreated") || type.equals("PlanApproved") || type.equals("ActionItemAdded")
                            ? "Hiệu trưởng - " + school.principal() : "Tổ giám sát - " + approvedBy)
                    .put("correlationid", UUID.nameUUIDFromBytes((school.planId() + "/c" + sequence).getBytes()).toString())
                    .put("previoushash", previous)
                    .put("hash", hash);
            e.set("data", data);
            return new WireEvent(school.planId(), e.toString(), hash);
        }

        private ObjectNode planData(boolean asEvent) {
            ObjectNode p = JSON.createObjectNode();
            if (asEvent) p.put("planId", school.planId());
            ObjectNode s = p.putObject("school");
            s.put("name", school.name()).put("code", school.code()).put("type", school.type().name());
            ArrayNode unit = s.putArray("managingUnit");
            school.managingUnit().forEach(unit::add);
            p.put("frameworkId", school.type().frameworkId()).put("schoolYear", SCHOOL_YEAR)
                    .put("documentNumber", (school.index() + 1) + "/KH-" + school.code())
                    .put("issueDate", "2023-08-20").put("issuePlace", school.managingUnit().get(1));
            p.putArray("legalBases").add("Căn cứ kết quả tự đánh giá năm học 2022-2023");
            if (asEvent) p.putNull("baseline");
            return p;
        }

        private static ObjectNode details(SyntheticItem item) {
            ObjectNode d = JSON.createObjectNode();
            d.put("criterionCode", item.criterion().code()).put("levelGroup", item.levelGroup())
                    .put("targetResult", item.targetResult());
            d.putArray("indicators").addObject().put("name", item.indicator()).put("baseline", item.baseline())
                    .put("target", item.target()).put("unit", "%");
            d.putArray("tasks").add("Xây dựng kế hoạch chi tiết").add("Triển khai và kiểm tra định kỳ");
            d.put("lead", item.lead());
            d.putArray("coordinators").add("Tổ giám sát");
            ObjectNode schedule = d.putObject("schedule");
            schedule.put("start", item.start().toString().substring(0, 7)).put("end", item.end().toString().substring(0, 7))
                    .put("text", "Tháng " + item.start().getMonthValue() + " - tháng " + item.end().getMonthValue());
            if (item.budget() > 0) {
                d.putObject("budget").put("amount", item.budget()).put("perSchoolYear", true)
                        .put("fundingSource", "Ngân sách nhà nước").putNull("note")
                        .put("text", item.budget() / 1_000_000 + " triệu/NH");
            } else {
                d.putNull("budget");
            }
            d.putNull("supportConditions").putNull("notes");
            return d;
        }
    }

    /** Criteria of a framework from plan-api's catalogue on the classpath (level-4 criteria left out). */
    public static synchronized List<Criterion> criteria(String frameworkId) {
        return CATALOGUES.computeIfAbsent(frameworkId, id -> {
            try (InputStream in = SyntheticData.class.getResourceAsStream("/frameworks/" + id + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("Catalogue /frameworks/" + id + ".json not on the classpath (plan-api)");
                }
                List<Criterion> list = new ArrayList<>();
                for (JsonNode standard : JSON.readTree(in).path("standards")) {
                    for (JsonNode c : standard.path("criteria")) {
                        List<Integer> levels = new ArrayList<>();
                        c.path("levels").forEach(l -> levels.add(l.asInt()));
                        list.add(new Criterion(c.path("code").asText(), levels.isEmpty() ? List.of(1, 2, 3) : levels));
                    }
                }
                return List.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Random random(int index, int stream) {
        return new Random(seed * 1_000_003L + index * 31L + stream);
    }

    private static <T> T pick(Random r, List<T> list) { return list.get(r.nextInt(list.size())); }

    private static String person(Random r) {
        return pick(r, Places.SURNAMES) + " " + pick(r, Places.MIDDLE) + " " + pick(r, Places.GIVEN);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
