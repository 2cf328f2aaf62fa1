package vn.caitien.planservice.web.plan;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of POST /api/plans/{id}/approve; the date defaults to today. */
public record ApprovePlanRequest(
        @PastOrPresent(message = "Ngày ban hành không được ở tương lai") LocalDate approvedOn,
        @Size(max = 200) String approvedBy) {
}
