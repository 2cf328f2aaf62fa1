package vn.caitien.monitoring.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;

import java.util.List;

/** Who is signed in, as the page header shows it, and where their pages start. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Người dùng", description = "Người đang đăng nhập")
public class MeController {

    /**
     * @param officeUnit the unit whose office view is the caller's start page (absent: no office view)
     * @param administrator may run maintenance (rebuild, dead letters)
     */
    public record Me(String username, String name, String title, List<RoleView> roles, String schoolCode,
                     List<String> unit, List<String> leads, List<String> officeUnit, boolean administrator) {
    }

    public record RoleView(String code, String label) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "Người đang đăng nhập: họ tên, chức vụ, vai trò, trường hoặc đơn vị phụ trách")
    public Me me(Caller caller) {
        List<String> home = caller.unit() != null ? caller.unit() : List.of();
        List<String> officeUnit = Access.canOversee(caller, home) ? home : null;
        return new Me(caller.username(), caller.name(), caller.title(),
                caller.roles().stream().sorted().map(r -> new RoleView(r.name(), r.label())).toList(),
                caller.schoolCode(), caller.unit(), caller.leads(), officeUnit, Access.canAdminister(caller));
    }

}
