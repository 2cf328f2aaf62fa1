package vn.caitien.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        StackSettings settings = StackSettings.from(key -> null);
        assertThat(settings.dataDir()).isEqualTo(Path.of(".caitien", "data").toAbsolutePath());
        assertThat(settings.postgresPort()).isEqualTo(5433);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
    }

    @Test
    void readsAllThreeKeys() {
        Map<String, String> values = Map.of(
                "CAITIEN_DATA_DIR", "/srv/caitien",
                "CAITIEN_PG_PORT", " 15433 ",
                "CAITIEN_KAFKA_PORT", "19092");
        StackSettings settings = StackSettings.from(values::get);
        assertThat(settings).isEqualTo(new StackSettings(Path.of("/srv/caitien"), 15433, 19092));
    }

    @Test
    void rejectsInvalidPortsWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("CAITIEN_PG_PORT", "năm")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CAITIEN_PG_PORT");
        assertThatThrownBy(() -> StackSettings.from(Map.of("CAITIEN_KAFKA_PORT", "70000")::get))
                .hasMessageContaining("CAITIEN_KAFKA_PORT");
        assertThatThrownBy(() -> new StackSettings(Path.of("x"), 6000, 6000))
                .hasMessageContaining("6000");
    }
}
