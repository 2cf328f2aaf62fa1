package vn.caitien.planservice.web.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.report.SubmitReport;
import vn.caitien.planservice.web.CommandSender;
import vn.caitien.planservice.web.IfMatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Báo cáo giám sát", description = "Ba báo cáo định kỳ của tổ giám sát trong năm học")
public class ReportController {
    private final CommandSender commands;
    private final Clock clock;

    public ReportController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/plans/{planId}/reports")
    @Operation(summary = "Nộp báo cáo giám sát của một kỳ (hoặc bản đính chính)")
    public ResponseEntity<Map<String, Object>> submit(@PathVariable PlanId planId,
                                                      @Valid @RequestBody ReportRequest request,
                                                      @Parameter(description = IfMatch.DESCRIPTION)
                                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        int revision = commands.send(new SubmitReport(planId, request.period(), request.schoolYear(),
                request.summary(), request.findings(), request.recommendations(), request.correction(),
                request.correctionReason(), request.submittedOn() == null ? LocalDate.now(clock) : request.submittedOn()), ifMatch);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("period", request.period().name(), "revision", revision));
    }
}
