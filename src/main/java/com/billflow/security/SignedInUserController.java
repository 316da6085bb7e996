package com.billflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import com.billflow.apidocs.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/me}: who is signed in, their groups and the Camunda webapps they may open, so pages show
 * only the links the user can follow (e.g. the dashboard's Cockpit link).
 */
@Tag(name = ApiTags.SIGNED_IN_USER)
@RestController
class SignedInUserController {

    private static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin");

    private final AuthorizationService authorizations;
    private final UserNames names;

    SignedInUserController(AuthorizationService authorizations, UserNames names) {
        this.names = names;
        this.authorizations = authorizations;
    }

    /**
     * The signed-in user as {@code userId}, {@code name} (first and last name from Camunda's identity, the id when
     * none is on file), {@code groups} (Camunda group ids) and {@code webapps} (of tasklist, cockpit, admin).
     */
    record SignedInUser(String userId, String name, List<String> groups, List<String> webapps) {
    }

    @Operation(summary = "Who is signed in", description = "The user id, groups and the Camunda webapps (tasklist, cockpit, admin) the user may open.")
    @GetMapping("/api/me")
    SignedInUser me(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return new SignedInUser(caller.userId(), names.of(caller.userId()), caller.groups(), WEBAPPS.stream()
                .filter(app -> authorizations.isUserAuthorized(caller.userId(), caller.groups(), Permissions.ACCESS, Resources.APPLICATION, app))
                .toList());
    }
}
