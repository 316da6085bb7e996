package com.billflow.directory;

import com.billflow.apidocs.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.billflow.common.NotFoundException;
import com.billflow.security.Caller;
import com.billflow.security.LaboratoryScope;
import com.billflow.security.LaboratoryTenants;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Laboratories: each user reads the laboratories whose Camunda tenant they belong to (administrators
 * every laboratory); another laboratory is 404 as if it did not exist. Written by administrators.
 */
@RestController
@Tag(name = ApiTags.DIRECTORY)
@RequestMapping("/api/laboratories")
class LaboratoryController {

    private final LaboratoryService laboratories;
    private final LaboratoryTenants tenants;

    LaboratoryController(LaboratoryService laboratories, LaboratoryTenants tenants) {
        this.laboratories = laboratories;
        this.tenants = tenants;
    }

    @Operation(summary = "List laboratories")
    @GetMapping
    List<Laboratory> list(Authentication user) {
        LaboratoryScope scope = tenants.scopeOf(Caller.from(user));
        return laboratories.all().stream().filter(lab -> scope.includes(lab.getCode())).toList();
    }

    @Operation(summary = "Read a laboratory")
    @GetMapping("/{code}")
    Laboratory get(@PathVariable String code, Authentication user) {
        if (!tenants.scopeOf(Caller.from(user)).includes(code)) {
            throw NotFoundException.of("Laboratory", code);
        }
        return laboratories.get(code);
    }

    @Operation(summary = "Create a laboratory", description = "409 ALREADY_EXISTS when the code is taken: use PUT to change it.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Laboratory create(@Valid @RequestBody LaboratoryRequest request) {
        return laboratories.create(request);
    }

    @Operation(summary = "Change a laboratory", description = "The code comes from the path; the body's code may be left out.")
    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Laboratory update(@PathVariable String code, @Valid @RequestBody LaboratoryRequest request) {
        return laboratories.update(code, request);
    }
}
