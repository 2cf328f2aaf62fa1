package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web dashboard in a real headless Chromium against the three services as processes: the plan
 * page shows what the API says, a progress record typed into the page travels plan-service → Kafka
 * → monitoring-service → server-sent event → page, refused input is explained next to its field,
 * and the office page rolls the school up. Each test works on a plan of its own: none needs another.
 */
class DashboardBrowserTest {
    private static final Duration UI_WAIT = Duration.ofSeconds(10);
    private static final String RECORDER = "Tổ giám sát - Nguyễn Thị Mai";

    static ServiceProcess identity;
    static ServiceProcess plan;
    static ServiceProcess monitoring;
    static ServiceProcess reporting;
    static SamplePlan sample;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(BrowserDriver.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does it)");
        RunningSystem system = RunningSystem.get();
        identity = system.identity;
        plan = system.plan;
        monitoring = system.monitoring;
        reporting = system.reporting;
        long started = System.nanoTime();
        driver = BrowserDriver.start();
        wait = new WebDriverWait(driver, UI_WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        System.out.printf("Chromium khởi động: %d ms%n", millisSince(started));
    }

    @BeforeEach
    void aFreshPlanAndItsMonitor() throws Exception {
        sample = SamplePlan.create(plan);
        // The page reads monitoring-service's projection, which follows Kafka: wait until it has the plan.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress().body(), p -> p.path("items").size() == 3 && "APPROVED".equals(p.path("status").asText()));
        long started = System.nanoTime();
        signInAs("giamsat.mai.ldc");
        System.out.printf("Đăng nhập qua máy chủ định danh (mã + PKCE): %d ms%n", millisSince(started));
    }

    private static void signInAs(String username) {
        new DashboardSignIn(driver, wait, identity, monitoring).as(username, "/plan.html?id=" + sample.planId());
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void thePlanPageShowsTheNumbersOfTheApi() throws Exception {
        long started = System.nanoTime();
        openPlanPage();
        System.out.printf("Trang kế hoạch hiển thị bảng: %d ms%n", millisSince(started));
        JsonNode api = progress().body();
        JsonNode summary = api.get("summary");

        assertThat(text("[data-testid=completion-rate]")).isEqualTo(BrowserFormat.rate(summary.get("completionRate").asDouble()));
        assertThat(text("[data-testid=item-count]")).isEqualTo(summary.get("itemCount").asText());
        assertThat(text("[data-testid=completed-count]")).isEqualTo(summary.get("completedCount").asText());
        assertThat(text("[data-testid=overdue-count]")).isEqualTo(summary.get("overdueCount").asText()).isEqualTo("3");
        assertThat(text("[data-testid=plan-status]")).isEqualTo("Đã ban hành");
        assertThat(text("[data-testid=document-number]")).isEqualTo(summary.get("documentNumber").asText());
        for (JsonNode item : api.get("items")) {
            String itemId = item.get("itemId").asText();
            assertThat(cell(itemId, "item-status")).isEqualTo(item.get("statusLabel").asText());
            assertThat(cell(itemId, "item-percent")).isEqualTo(BrowserFormat.percent(item.get("percent")));
            assertThat(rowText(itemId)).contains("Tiêu chí " + item.get("criterionCode").asText());
            // 2023-2024 has ended and nothing is done yet: every row is marked overdue.
            assertThat(rowClass(itemId)).contains("is-overdue");
            assertThat(cell(itemId, "overdue-marker")).isEqualTo("Quá hạn " + item.get("daysLate").asInt() + " ngày");
        }
        // The table is grouped like the school's plan: one level row, a row per standard.
        assertThat(driver.findElements(By.cssSelector("#items-table tr.group-level"))).extracting(WebElement::getText)
                .containsExactly("MỨC 1, 2, 3");
        assertThat(driver.findElements(By.cssSelector("#items-table tr.group-standard"))).extracting(WebElement::getText)
                .hasSize(3).allMatch(t -> t.startsWith("Tiêu chuẩn "));
        for (JsonNode report : summary.get("reports")) {
            assertThat(driver.findElement(By.cssSelector("[data-testid=report-" + report.get("period").asText() + "]"))
                    .getDomAttribute("data-state")).isEqualTo(report.get("state").asText());
        }
    }

    @Test
    void progressRecordedInThePageComesBackLive() throws Exception {
        openPlanPage();
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        String itemId = sample.itemIds().get(0);
        String rateBefore = text("[data-testid=completion-rate]");
        // A marker on window proves the page updated itself rather than being reloaded.
        driver.executeScript("window.__sameDocument = 'yes'");

        clickRecord(itemId);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] form[data-testid=progress-form]")));
        new Select(form.findElement(By.cssSelector("[data-testid=progress-status]"))).selectByValue("HOAN_THANH");
        assertThat(form.findElement(By.cssSelector("[data-testid=progress-percent]")).getDomProperty("value"))
                .as("Hoàn thành fills in 100%").isEqualTo("100");
        form.findElement(By.cssSelector("[data-testid=progress-narrative]")).sendKeys("Đã tổ chức 2 chuyên đề");
        form.findElement(By.cssSelector("[data-testid=progress-evidence]")).sendKeys("[H1-1.4-01]");
        setValue(form.findElement(By.cssSelector("[data-testid=progress-date]")), "2023-12-15");

        long submitted = System.nanoTime();
        form.findElement(By.cssSelector("button[data-action=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        assertThat(text("[data-testid=toast]")).isEqualTo("Đã ghi nhận, đang cập nhật…");
        wait.until(d -> "Hoàn thành".equals(row(itemId).findElement(By.cssSelector("[data-testid=item-status]")).getText())
                && !rateBefore.equals(d.findElement(By.cssSelector("[data-testid=completion-rate]")).getText()));
        System.out.printf("Ghi nhận trên trang → dòng hiển thị Hoàn thành: %d ms%n", millisSince(submitted));

        assertThat(driver.executeScript("return window.__sameDocument")).isEqualTo("yes");
        JsonNode api = progress().body();
        assertThat(text("[data-testid=completion-rate]")).isEqualTo(BrowserFormat.rate(api.at("/summary/completionRate").asDouble()))
                .isEqualTo("33,3%");
        assertThat(text("[data-testid=completed-count]")).isEqualTo("1");
        assertThat(text("[data-testid=overdue-count]")).isEqualTo(api.at("/summary/overdueCount").asText()).isEqualTo("2");
        assertThat(cell(itemId, "item-percent")).isEqualTo("100%");
        assertThat(rowClass(itemId)).doesNotContain("is-overdue");
        assertThat(cell(itemId, "item-evidence")).isEqualTo("1");
        assertThat(rowText(itemId)).contains("bởi " + RECORDER);
        // The actor is the signed-in user named by the token, not anything the page sends.
        JsonNode item = api.get("items").get(0);
        assertThat(item.get("lastUpdatedBy").asText()).isEqualTo(RECORDER);
        assertThat(item.get("lastEffectiveDate").asText()).isEqualTo("2023-12-15");
        assertThat(text("[data-testid=user-name]")).isEqualTo("Nguyễn Thị Mai");
        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(reporting.uri("/api/plans/" + sample.planId() + "/history")).body(), h -> h.size() == 6);
        assertThat(history.get(5).get("actor").asText()).isEqualTo(RECORDER);
        assertThat(history.get(5).get("correlationId").asText()).as("X-Correlation-Id of the page").hasSize(36);
    }

    @Test
    void refusedInputIsExplainedNextToItsFieldAndChangesNothing() throws Exception {
        openPlanPage();
        String itemId = sample.itemIds().get(1);
        JsonNode before = item(progress().body(), itemId);
        String rateBefore = text("[data-testid=completion-rate]");

        clickRecord(itemId);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] form[data-testid=progress-form]")));
        new Select(form.findElement(By.cssSelector("[data-testid=progress-status]"))).selectByValue("DANG_THUC_HIEN");
        WebElement percent = form.findElement(By.cssSelector("[data-testid=progress-percent]"));
        percent.clear();
        percent.sendKeys("120");
        setValue(form.findElement(By.cssSelector("[data-testid=progress-date]")), "2024-01-10");
        form.findElement(By.cssSelector("button[data-action=submit]")).click();

        WebElement percentError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] [data-testid=error-percent]")));
        assertThat(percentError.getText()).isEqualTo("Tỉ lệ hoàn thành phải từ 0 đến 100");
        assertThat(fieldOf(percent)).isEqualTo(fieldOf(percentError)).isEqualTo("percent");
        assertThat(percent.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("dialog[open] [data-testid=form-problem]")).startsWith("Dữ liệu gửi lên không hợp lệ");

        // Corrected percent, wrong evidence code: the message moves to the evidence field.
        percent.clear();
        percent.sendKeys("50");
        WebElement evidence = form.findElement(By.cssSelector("[data-testid=progress-evidence]"));
        evidence.sendKeys("[H1-3.4-01], H1-3.4");
        form.findElement(By.cssSelector("button[data-action=submit]")).click();
        WebElement evidenceError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] [data-testid=error-evidenceCodes]")));
        assertThat(evidenceError.getText()).startsWith("Mã minh chứng không đúng dạng [H1-1.1-01] hoặc MC.1.1.01");
        assertThat(fieldOf(evidence)).isEqualTo(fieldOf(evidenceError)).isEqualTo("evidenceCodes");
        assertThat(percentError.isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("dialog[open]"))).as("the form stays open").hasSize(1);
        form.findElement(By.xpath(".//button[normalize-space()='Hủy']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));

        // Nothing changed: a later command on the same plan (same Kafka partition, so in order) is
        // the only new event, and the page shows it while the refused item stays as it was.
        assertThat(Http.post(plan.uri("/api/plans/" + sample.planId() + "/items/" + sample.itemIds().get(2) + "/progress"),
                "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 40, "2024-01-10").replace("[H1-1.4-01]", "[H1-5.3-01]"))
                .status()).isEqualTo(201);
        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(reporting.uri("/api/plans/" + sample.planId() + "/history")).body(), h -> h.size() >= 6);
        assertThat(history).hasSize(6);
        assertThat(history.get(5).at("/data/itemId").asText()).isEqualTo(sample.itemIds().get(2));
        wait.until(d -> "40%".equals(row(sample.itemIds().get(2)).findElement(By.cssSelector("[data-testid=item-percent]")).getText()));
        assertThat(cell(itemId, "item-status")).isEqualTo(before.get("statusLabel").asText());
        assertThat(cell(itemId, "item-percent")).isEqualTo(BrowserFormat.percent(before.get("percent")));
        assertThat(item(progress().body(), itemId).get("status").asText()).isEqualTo(before.get("status").asText());
        assertThat(text("[data-testid=completion-rate]")).isEqualTo(rateBefore);
    }

    @Test
    void thePlanPageOnADesktopAndOnAPhone() throws Exception {
        openPlanPage();
        fullPageScreenshot("plan-desktop");

        driver.manage().window().setSize(new Dimension(375, 812));
        wait.until(d -> ((Number) driver.executeScript("return window.innerWidth")).intValue() <= 400);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);
        BrowserDriver.screenshot(driver, "plan-phone");
        wait.until(d -> driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); return true",
                row(sample.itemIds().get(1)).findElement(By.cssSelector("button[data-action=record]"))));
        BrowserDriver.screenshot(driver, "plan-phone-item");
        clickRecord(sample.itemIds().get(1));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] form[data-testid=progress-form]")));
        BrowserDriver.screenshot(driver, "plan-phone-form");
        driver.findElement(By.xpath("//dialog[@open]//button[normalize-space()='Hủy']")).click();
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void theOfficePageRollsTheSchoolUp() throws Exception {
        String unit = "Thành phố Hồ Chí Minh";
        // One of the school's three items is done: the roll-up shows a third.
        assertThat(Http.post(plan.uri("/api/plans/" + sample.planId() + "/items/" + sample.itemIds().get(0) + "/progress"),
                "giamsat.mai.ldc", SamplePlan.progress("HOAN_THANH", 100, "2023-12-15")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress().body().at("/summary/completedCount").asInt() == 1);
        signInAs("so.hcm");
        long started = System.nanoTime();
        driver.get(monitoring.uri("/office.html?unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8)).toString());
        By planRow = By.cssSelector("[data-testid=schools-table] tr[data-plan-id='" + sample.planId() + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(planRow));
        System.out.printf("Trang phòng/sở hiển thị: %d ms%n", millisSince(started));

        JsonNode rollup = Http.get(monitoring.uri("/api/units?path=" + URLEncoder.encode(unit, StandardCharsets.UTF_8))).body();
        JsonNode ours = null;
        for (JsonNode p : rollup.get("plans")) if (p.get("planId").asText().equals(sample.planId())) ours = p;
        assertThat(ours).as("the plan is in the unit's roll-up").isNotNull();
        String rowCss = "[data-testid=schools-table] tr[data-plan-id='" + sample.planId() + "'] ";
        assertThat(text(rowCss + "[data-testid=school-name]")).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(text(rowCss + "[data-testid=plan-completion-rate]"))
                .isEqualTo(BrowserFormat.rate(ours.get("completionRate").asDouble())).isEqualTo("33,3%");
        assertThat(text(rowCss + "[data-testid=plan-overdue]")).isEqualTo(ours.get("overdueCount").asText());
        JsonNode totals = rollup.get("totals");
        assertThat(text("[data-testid=unit-completion-rate]")).isEqualTo(BrowserFormat.rate(totals.get("completionRate").asDouble()));
        assertThat(text("[data-testid=unit-schools]")).isEqualTo(totals.get("schools").asText());
        assertThat(text("[data-testid=unit-overdue]")).isEqualTo(totals.get("overdue").asText());
        assertThat(driver.findElements(By.cssSelector("[data-testid=units-table] a"))).extracting(WebElement::getText)
                .contains("Quận 10");
        assertThat(driver.findElements(By.cssSelector("#office-chart-completion svg, #office-chart-reports svg"))).hasSize(2);

        // Sorting by a header reorders the table and says so to screen readers.
        driver.findElement(By.cssSelector("button[data-sort=overdueCount]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.xpath("//button[@data-sort='overdueCount']/ancestor::th"),
                "aria-sort", "descending"));
        assertThat(driver.getCurrentUrl()).contains("sort=overdueCount");
        fullPageScreenshot("office");
    }

    @Test
    void theCouncilAddsARowToADraftThroughThePage() throws Exception {
        Http.Response created = Http.post(plan.uri("/api/plans"), "hieutruong.ldc", """
                {"school": {"name": "Trường Tiểu học Thử Nghiệm", "type": "TIEU_HOC",
                            "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
                 "frameworkId": "TT17-2018", "schoolYear": "2024-2025", "documentNumber": "12/KH-TN"}""");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String draftId = created.body().get("id").asText();
        assertThat(Http.post(plan.uri("/api/plans/" + draftId + "/items"), "hieutruong.ldc",
                SamplePlan.item("1.4", "Năm học 2024-2025")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(monitoring.uri("/api/plans/" + draftId + "/progress")).body().path("items").size() == 1);
        signInAs("thuky.lan.ldc");

        driver.get(monitoring.uri("/plan.html?id=" + draftId).toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items-table tr[data-item-id]"), 1));
        assertThat(text("[data-testid=plan-status]")).isEqualTo("Dự thảo");
        assertThat(driver.findElements(By.cssSelector("button[data-action=record]"))).as("no progress on a draft").isEmpty();

        driver.findElement(By.cssSelector("button[data-action=add-item]")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] form[data-testid=item-form]")));
        new Select(form.findElement(By.cssSelector("[data-testid=item-criterion]"))).selectByValue("3.4");
        assertThat(new Select(form.findElement(By.cssSelector("[data-testid=item-criterion]"))).getFirstSelectedOption().getText())
                .isEqualTo("3.4 – Khu vệ sinh, hệ thống cấp thoát nước");
        form.findElement(By.cssSelector("button[data-action=submit]")).click();
        WebElement targetError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] [data-testid=error-targetResult]")));
        assertThat(targetError.getText()).isEqualTo("Cần nêu kết quả cần đạt");

        form.findElement(By.cssSelector("[data-testid=item-target]")).sendKeys("Số lượng phòng vệ sinh đáp ứng đủ cho học sinh");
        form.findElement(By.cssSelector("[data-testid=item-tasks]")).sendKeys("- Khảo sát hiện trạng\n- Sửa chữa, nâng cấp");
        form.findElement(By.cssSelector("[data-field=lead] input")).sendKeys("Hiệu trưởng");
        form.findElement(By.cssSelector("[data-field=coordinators] input")).sendKeys("Kế toán, Ban đại diện CMHS");
        setValue(form.findElement(By.cssSelector("[data-field='schedule.start'] input")), "2024-09");
        setValue(form.findElement(By.cssSelector("[data-field='schedule.end'] input")), "2025-05");
        form.findElement(By.cssSelector("[data-field='budget.amount'] input")).sendKeys("3000000");
        form.findElement(By.cssSelector("[data-field='budget.perSchoolYear'] input")).click();
        form.findElement(By.cssSelector("[data-field='budget.text'] input")).sendKeys("3 triệu/NH");
        form.findElement(By.cssSelector("button[data-action=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items-table tr[data-item-id]"), 2));

        assertThat(driver.findElements(By.cssSelector("#items-table tr.group-standard"))).extracting(WebElement::getText)
                .containsExactly("Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học");
        JsonNode added = Http.get(plan.uri("/api/plans/" + draftId)).body().get("items").get(1).get("details");
        assertThat(added.get("criterionCode").asText()).isEqualTo("3.4");
        assertThat(added.get("tasks")).extracting(JsonNode::asText).containsExactly("Khảo sát hiện trạng", "Sửa chữa, nâng cấp");
        assertThat(added.get("coordinators")).extracting(JsonNode::asText).containsExactly("Kế toán", "Ban đại diện CMHS");
        assertThat(added.at("/schedule/start").asText()).isEqualTo("2024-09");
        assertThat(added.at("/schedule/end").asText()).isEqualTo("2025-05");
        assertThat(added.at("/budget/amount").asLong()).isEqualTo(3_000_000L);
        assertThat(added.at("/budget/perSchoolYear").asBoolean()).isTrue();
    }

    private static void openPlanPage() {
        driver.get(monitoring.uri("/plan.html?id=" + sample.planId()).toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items-table tr[data-item-id]"), 3));
    }

    private static Http.Response progress() throws Exception {
        return Http.get(monitoring.uri("/api/plans/" + sample.planId() + "/progress"));
    }

    private static JsonNode item(JsonNode progress, String itemId) {
        for (JsonNode item : progress.get("items")) if (item.get("itemId").asText().equals(itemId)) return item;
        throw new AssertionError("no item " + itemId);
    }

    private static WebElement row(String itemId) {
        return driver.findElement(By.cssSelector("tr[data-item-id='" + itemId + "']"));
    }

    // A live refresh may replace the table between finding an element and reading it; the waits
    // ignore stale elements, so every read goes through one and simply reads the new element.

    private static String text(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private static String cell(String itemId, String testid) {
        return wait.until(d -> row(itemId).findElement(By.cssSelector("[data-testid=" + testid + "]")).getText());
    }

    private static void clickRecord(String itemId) {
        wait.until(d -> {
            row(itemId).findElement(By.cssSelector("button[data-action=record]")).click();
            return true;
        });
    }

    private static String rowText(String itemId) {
        return wait.until(d -> row(itemId).getText());
    }

    private static String rowClass(String itemId) {
        return wait.until(d -> String.valueOf(row(itemId).getDomAttribute("class")));
    }

    /** The data-field of the form field wrapping this element: "next to its field" means the same wrapper. */
    private static String fieldOf(WebElement element) {
        return element.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' field ')][1]"))
                .getDomAttribute("data-field");
    }

    /** Date inputs take typed keys in the browser's locale format; set the ISO value as a user's pick would. */
    private static void setValue(WebElement input, String value) {
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    /** The whole page in one image: grow the window to the page's height, shoot, restore. */
    private static void fullPageScreenshot(String name) throws Exception {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 6000)));
        BrowserDriver.screenshot(driver, name);
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
