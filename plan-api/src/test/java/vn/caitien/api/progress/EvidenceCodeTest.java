package vn.caitien.api.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceCodeTest {

    @Test
    void sequencesHaveAtLeastTwoDigits() {
        assertThat(EvidenceCode.parse("H1-1.1-1").value()).isEqualTo("[H1-1.1-01]");
        assertThat(EvidenceCode.parse("[H10-2.03-007]").value()).isEqualTo("[H10-2.3-07]");
        assertThat(EvidenceCode.parse("[H1-1.1-123]").value()).isEqualTo("[H1-1.1-123]");
        assertThat(EvidenceCode.parse(" MC.1.2.0 ").value()).isEqualTo("MC.1.2.00");
    }
}
