package vn.caitien.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A PostgreSQL restart under a connected client, as the fault-injection tests do it. */
class EmbeddedPostgresStopStartTest {

    @Test
    void restartsOnTheSamePortAndClusterAndDropsOpenConnections() throws SQLException {
        Path data = TestDirectories.fresh("pg-stop-start").resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder()
                .dataDirectory(data).workingDirectory(TestDirectories.POSTGRES_BINARIES).start()) {
            int port = server.port();
            Connection before = DriverManager.getConnection(server.jdbcUrl("caitien"), server.username(), "");
            try (Statement statement = before.createStatement()) {
                statement.execute("CREATE TABLE survivor (name TEXT)");
                statement.execute("INSERT INTO survivor VALUES ('qua lần khởi động lại')");
            }
            long firstPid = Postmaster.running(data).orElseThrow().pid();

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(Postmaster.running(data)).as("postmaster gone while stopped").isEmpty();
            assertThat(FreePorts.isFree(port)).as("port released while stopped").isTrue();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("caitien"), server.username(), ""))
                    .isInstanceOf(SQLException.class);
            server.stop(); // idempotent

            server.start();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.port()).isEqualTo(port);
            assertThat(Postmaster.running(data).orElseThrow().pid()).isNotEqualTo(firstPid);
            // the connection opened before the restart is dead; a new one sees the committed data
            assertThatThrownBy(() -> before.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
            before.close();
            try (Connection after = DriverManager.getConnection(server.jdbcUrl("caitien"), server.username(), "");
                 Statement statement = after.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("qua lần khởi động lại");
            }

            server.restart();
            assertThat(server.port()).isEqualTo(port);
            try (Connection again = DriverManager.getConnection(server.jdbcUrl("caitien"), server.username(), "")) {
                assertThat(again.isValid(2)).isTrue();
            }
        }
        assertThat(Postmaster.running(data)).as("close after restarts leaves nothing").isEmpty();
    }

    @Test
    void aClosedServerCannotBeStartedAgain() {
        Path data = TestDirectories.fresh("pg-closed").resolve("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.builder()
                .dataDirectory(data).workingDirectory(TestDirectories.POSTGRES_BINARIES).start();
        server.stop();
        server.close(); // closing a stopped server is fine
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        assertThat(Postmaster.running(data)).isEmpty();
    }
}
