package vn.caitien.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    private static EmbeddedPostgresServer start(Path data, int port) {
        return EmbeddedPostgresServer.builder()
                .dataDirectory(data)
                .workingDirectory(TestDirectories.POSTGRES_BINARIES)
                .port(port)
                .start();
    }

    private static Connection connect(EmbeddedPostgresServer server, String schema) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("caitien", schema), server.username(), "");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void runsSqlInTheCaitienDatabaseOnAFreePort() throws SQLException {
        Path data = TestDirectories.fresh("pg-sql").resolve("postgres");
        try (EmbeddedPostgresServer server = start(data, 0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.jdbcUrl("caitien", "plan"))
                    .isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/caitien?currentSchema=plan");
            try (Connection connection = connect(server, null); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA plan");
                statement.execute("CREATE TABLE plan.goal (id INT PRIMARY KEY, title TEXT NOT NULL)");
                statement.execute("INSERT INTO plan.goal VALUES (1, 'Nâng cao chất lượng dạy học')");
                assertThat(strings(connection, "SELECT current_database()")).containsExactly("caitien");
                // the launcher's data must survive a power cut, unlike zonky's test defaults
                assertThat(strings(connection, "SHOW fsync")).containsExactly("on");
                assertThat(strings(connection, "SHOW synchronous_commit")).containsExactly("on");
                assertThat(strings(connection, "SHOW server_encoding")).containsExactly("UTF8");
            }
            // currentSchema from the URL resolves the unqualified table name
            try (Connection connection = connect(server, "plan")) {
                assertThat(strings(connection, "SELECT title FROM goal"))
                        .containsExactly("Nâng cao chất lượng dạy học");
            }
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("server stopped").isFalse();
    }

    @Test
    void keepsDataAcrossRestartsOnTheSameDirectoryAndPort() throws SQLException {
        Path data = TestDirectories.fresh("pg-restart").resolve("postgres");
        int port;
        try (EmbeddedPostgresServer server = start(data, 0)) {
            port = server.port();
            try (Connection connection = connect(server, null); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivor (name TEXT)");
                statement.execute("INSERT INTO survivor VALUES ('trước khi khởi động lại')");
            }
        }
        assertThat(Postmaster.running(data)).as("no postmaster left after close").isEmpty();
        assertThat(FreePorts.isFree(port)).as("port released after close").isTrue();

        try (EmbeddedPostgresServer server = start(data, port)) {
            assertThat(server.port()).isEqualTo(port);
            try (Connection connection = connect(server, null)) {
                assertThat(strings(connection, "SELECT name FROM survivor"))
                        .containsExactly("trước khi khởi động lại");
            }
        }
    }

    @Test
    void refusesAPortThatAnotherProcessListensOn() throws Exception {
        Path data = TestDirectories.fresh("pg-busy").resolve("postgres");
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(data, occupant.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cổng " + occupant.getLocalPort());
        }
    }

    @Test
    void refusesANonEmptyDirectoryThatHoldsNoCluster() throws Exception {
        Path data = TestDirectories.fresh("pg-foreign").resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "không phải dữ liệu PostgreSQL");
        assertThatThrownBy(() -> start(data, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgresql.conf");
        assertThat(Files.readString(data.resolve("notes.txt"))).as("nothing wiped").contains("không phải");
    }
}
