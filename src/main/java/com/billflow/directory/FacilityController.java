package com.billflow.directory;

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
@RequestMapping("/api/facilities")
class FacilityController {

    private final FacilityService facilities;

    FacilityController(FacilityService facilities) {
        this.facilities = facilities;
    }

    @GetMapping
    List<Facility> list() {
        return facilities.all();
    }

    @GetMapping("/{code}")
    Facility get(@PathVariable String code) {
        return facilities.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Facility create(@Valid @RequestBody FacilityRequest request) {
        return facilities.create(request);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Facility update(@PathVariable String code, @Valid @RequestBody FacilityRequest request) {
        return facilities.update(code, request);
    }
}
