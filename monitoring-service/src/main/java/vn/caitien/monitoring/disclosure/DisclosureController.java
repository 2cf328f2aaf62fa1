package vn.caitien.monitoring.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

/** Công khai: what every school must publish, readable by anyone without signing in. */
@RestController
@Tag(name = "Công khai", description = "Kế hoạch cải tiến đã ban hành và tiến độ của trường, không cần đăng nhập")
public class DisclosureController {
    private final DisclosureService disclosure;

    public DisclosureController(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    @GetMapping("/api/public/schools/{schoolCode}")
    @Operation(summary = "Kế hoạch cải tiến đã ban hành của trường: nội dung, tiến độ, kinh phí, tình trạng báo cáo",
            description = "Không có thông tin cá nhân (người ghi nhận, người duyệt, diễn giải, minh chứng). "
                    + "Trường không có hoặc chưa ban hành kế hoạch nào: 404.")
    public ResponseEntity<PublicDisclosure> school(@PathVariable String schoolCode) {
        PublicDisclosure page = disclosure.school(schoolCode).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Trường mã " + schoolCode + " chưa công khai kế hoạch cải tiến nào đã ban hành"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()).body(page);
    }
}
