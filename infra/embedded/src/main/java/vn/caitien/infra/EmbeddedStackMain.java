package vn.caitien.infra;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded stack as a standalone process for the {@code ./caitien} launcher.
 *
 * <p>Settings come from system properties or environment variables {@code CAITIEN_DATA_DIR}
 * (default {@code .caitien/data}), {@code CAITIEN_PG_PORT} (5433) and {@code CAITIEN_KAFKA_PORT}
 * (9092). Once everything is up, the last line on stdout is {@value #READY_LINE}; scripts wait
 * for it. SIGTERM or Ctrl-C stops Kafka, then PostgreSQL; exit code 1 when the start fails.
 */
public final class EmbeddedStackMain {

    public static final String READY_LINE = "CAITIEN-INFRA-READY";

    private EmbeddedStackMain() {
    }

    public static void main(String[] args) {
        ConsoleLogging.configure();
        Logger log = LoggerFactory.getLogger(EmbeddedStackMain.class);
        // System.out follows the platform charset, which is ASCII under a C locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

        StackSettings settings;
        try {
            settings = StackSettings.fromSystem();
        } catch (IllegalArgumentException e) {
            log.error("Cấu hình không hợp lệ: {}", e.getMessage());
            System.exit(1);
            return;
        }
        try {
            // Before READY: the services started after it find every key file complete.
            InstallationKeys.createIn(InstallationKeys.dirFor(settings.dataDir()));
        } catch (RuntimeException e) {
            log.error("Không tạo được các tệp khoá: {}", e.getMessage());
            System.exit(1);
            return;
        }
        EmbeddedStack stack;
        try {
            log.info("Đang khởi động PostgreSQL và Kafka nhúng (dữ liệu: {})", settings.dataDir());
            stack = EmbeddedStack.start(settings);
        } catch (RuntimeException e) {
            if (e.getCause() == null && e instanceof IllegalStateException) {
                // our own checks (port taken, foreign directory) explain themselves
                log.error("Không khởi động được hạ tầng nhúng: {}", e.getMessage());
            } else {
                log.error("Không khởi động được hạ tầng nhúng: {}", e.getMessage(), e);
            }
            System.exit(1);
            return;
        }
        printBanner(out, stack);
        out.println(READY_LINE);
        // Kafka's non-daemon threads keep the process alive until a signal arrives; the stack's
        // shutdown hook then stops Kafka and PostgreSQL.
    }

    private static void printBanner(PrintStream out, EmbeddedStack stack) {
        EmbeddedPostgresServer postgres = stack.postgres();
        EmbeddedKafkaBroker kafka = stack.kafka();
        String database = EmbeddedPostgresServer.DEFAULT_DATABASE;
        out.println();
        out.println("Hạ tầng nhúng của Cải tiến đã sẵn sàng (pid " + ProcessHandle.current().pid() + ").");
        out.println("  PostgreSQL 14   localhost:" + postgres.port() + "   CSDL \"" + database
                + "\", người dùng \"" + postgres.username() + "\", không mật khẩu");
        out.println("      JDBC:      " + postgres.jdbcUrl(database));
        out.println("      Thử:       psql -h localhost -p " + postgres.port() + " -U "
                + postgres.username() + " -d " + database);
        out.println("  Kafka " + AppInfoParser.getVersion() + "     " + kafka.bootstrapServers()
                + "   chủ đề " + Topics.PLAN_EVENTS + ", " + Topics.PLAN_PROGRESS + ", " + Topics.PLAN_CHECKPOINTS
                + ", " + Topics.PLAN_STORE_HEAD);
        out.println("      Thử:       kcat -b " + kafka.bootstrapServers() + " -L");
        out.println("                 kcat -b " + kafka.bootstrapServers() + " -C -t " + Topics.PLAN_EVENTS
                + " -o beginning -e");
        out.println("  Dữ liệu:       " + stack.settings().dataDir());
        out.println("  Dừng:          Ctrl-C hoặc kill -TERM " + ProcessHandle.current().pid());
        out.println();
    }
}
