package com.billflow.directory;

import com.billflow.apidocs.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Facilities: readable by every signed-in user, written by administrators. */
@RestController
@Tag(name = ApiTags.DIRECTORY)
@RequestMapping("/api/facilities")
class FacilityController {

    private final FacilityService facilities;

    FacilityController(FacilityService facilities) {
        this.facilities = facilities;
    }

    @Operation(summary = "List facilities")
    @GetMapping
    List<Facility> list() {
        return facilities.all();
    }

    @Operation(summary = "Read a facility")
    @GetMapping("/{code}")
    Facility get(@PathVariable String code) {
        return facilities.get(code);
    }

    @Operation(summary = "Create a facility", description = "409 ALREADY_EXISTS when the code is taken: use PUT to change it.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Facility create(@Valid @RequestBody FacilityRequest request) {
        return facilities.create(request);
    }

    @Operation(summary = "Change a facility", description = "The code comes from the path; the body's code may be left out.")
    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Facility update(@PathVariable String code, @Valid @RequestBody FacilityRequest request) {
        return facilities.update(code, request);
    }
}
