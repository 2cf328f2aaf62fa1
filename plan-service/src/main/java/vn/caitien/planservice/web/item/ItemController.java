package vn.caitien.planservice.web.item;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.item.RemoveActionItem;
import vn.caitien.api.item.UpdateActionItem;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.web.CommandSender;
import vn.caitien.planservice.web.IfMatch;

import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/plans/{planId}/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Nội dung cải tiến", description = "Các dòng của bảng kế hoạch; sau khi ban hành mỗi thay đổi là một điều chỉnh có lý do")
public class ItemController {
    private final CommandSender commands;

    public ItemController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Thêm nội dung cải tiến cho một tiêu chí")
    public ResponseEntity<Map<String, String>> add(@PathVariable PlanId planId, @Valid @RequestBody ItemRequest request,
                                                   @Parameter(description = IfMatch.DESCRIPTION)
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        ActionItemId itemId = ActionItemId.random();
        commands.send(new AddActionItem(planId, itemId, request.toDetails(), request.amendmentReason()), ifMatch);
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/items/" + itemId))
                .body(Map.of("id", itemId.value()));
    }

    @PutMapping("/{itemId}")
    @Operation(summary = "Sửa nội dung cải tiến")
    public Map<String, String> update(@PathVariable PlanId planId, @PathVariable ActionItemId itemId,
                                      @Valid @RequestBody ItemRequest request,
                                      @Parameter(description = IfMatch.DESCRIPTION)
                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.send(new UpdateActionItem(planId, itemId, request.toDetails(), request.amendmentReason()), ifMatch);
        return Map.of("id", itemId.value());
    }

    @DeleteMapping("/{itemId}")
    @Operation(summary = "Bỏ nội dung cải tiến (sau khi ban hành cần lý do: ?reason=...)")
    public ResponseEntity<Void> remove(@PathVariable PlanId planId, @PathVariable ActionItemId itemId,
                                       @RequestParam(required = false) String reason,
                                       @Parameter(description = IfMatch.DESCRIPTION)
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        commands.send(new RemoveActionItem(planId, itemId, reason), ifMatch);
        return ResponseEntity.noContent().build();
    }
}
