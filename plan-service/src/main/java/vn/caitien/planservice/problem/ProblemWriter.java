package vn.caitien.planservice.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** problem+json written by a servlet filter, before Spring MVC (and its message converters) is reached. */
public final class ProblemWriter {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    public static final MediaType TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private ProblemWriter() {
    }

    public static byte[] bytes(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
