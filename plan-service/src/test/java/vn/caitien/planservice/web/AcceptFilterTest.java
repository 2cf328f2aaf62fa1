package vn.caitien.planservice.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptFilterTest {

    @Test
    void aCommandMayAskForJsonProblemJsonAnythingOrNothing() {
        assertThat(AcceptFilter.admitsJson(null)).isTrue();
        assertThat(AcceptFilter.admitsJson("")).isTrue();
        assertThat(AcceptFilter.admitsJson("application/json")).isTrue();
        assertThat(AcceptFilter.admitsJson("application/problem+json")).isTrue();
        assertThat(AcceptFilter.admitsJson("*/*")).isTrue();
        assertThat(AcceptFilter.admitsJson("application/*")).isTrue();
        assertThat(AcceptFilter.admitsJson("text/html, application/json;q=0.5")).isTrue();
    }

    @Test
    void anAcceptWithoutJsonOrUnreadableIsRefused() {
        assertThat(AcceptFilter.admitsJson("application/xml")).isFalse();
        assertThat(AcceptFilter.admitsJson("text/html")).isFalse();
        assertThat(AcceptFilter.admitsJson("bogus")).isFalse();
        assertThat(AcceptFilter.admitsJson("application/json;q=0")).isFalse();
    }
}
