package vn.caitien.planservice.exchange;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import vn.caitien.planservice.problem.FieldError;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** problem+json in the service's shape (type, Vietnamese title and detail, "errors" by field). */
final class ExchangeProblems {

    private ExchangeProblems() {
    }

    static ProblemDetail problem(int status, String type, String title, String detail, String field,
                                 Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(type.startsWith("https:") ? type : "https://caitien.vn/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", field == null ? List.of() : List.of(new FieldError(field, detail)));
        properties.forEach(problem::setProperty);
        return problem;
    }
}
