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

/** Laboratories: readable by every signed-in user, written by administrators. */
@RestController
@RequestMapping("/api/laboratories")
class LaboratoryController {

    private final LaboratoryService laboratories;

    LaboratoryController(LaboratoryService laboratories) {
        this.laboratories = laboratories;
    }

    @GetMapping
    List<Laboratory> list() {
        return laboratories.all();
    }

    @GetMapping("/{code}")
    Laboratory get(@PathVariable String code) {
        return laboratories.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Laboratory create(@Valid @RequestBody LaboratoryRequest request) {
        return laboratories.create(request);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Laboratory update(@PathVariable String code, @Valid @RequestBody LaboratoryRequest request) {
        return laboratories.update(code, request);
    }
}
