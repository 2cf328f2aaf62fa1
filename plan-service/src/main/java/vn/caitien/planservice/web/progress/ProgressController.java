package vn.caitien.planservice.web.progress;

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
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.web.CommandSender;
import vn.caitien.planservice.web.IfMatch;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tiến độ", description = "Tổ giám sát ghi nhận tiến độ thực hiện từng nội dung")
public class ProgressController {
    private final CommandSender commands;

    public ProgressController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/plans/{planId}/items/{itemId}/progress")
    @Operation(summary = "Ghi nhận tiến độ của một nội dung cải tiến (tổ giám sát; người chủ trì với nội dung mình chủ trì)")
    public ResponseEntity<Map<String, String>> record(@PathVariable PlanId planId, @PathVariable ActionItemId itemId,
                                                      @Valid @RequestBody ProgressRequest request,
                                                      @Parameter(description = IfMatch.DESCRIPTION)
                                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        String progressId = UUID.randomUUID().toString();
        commands.send(request.toCommand(planId, itemId, progressId), ifMatch);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", progressId));
    }
}
