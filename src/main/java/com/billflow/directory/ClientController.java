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

/** Clients: readable by every signed-in user, written by administrators. */
@RestController
@Tag(name = ApiTags.DIRECTORY)
@RequestMapping("/api/clients")
class ClientController {

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @Operation(summary = "List clients")
    @GetMapping
    List<Client> list() {
        return clients.all();
    }

    @Operation(summary = "Read a client")
    @GetMapping("/{code}")
    Client get(@PathVariable String code) {
        return clients.get(code);
    }

    @Operation(summary = "Create a client", description = "409 ALREADY_EXISTS when the code is taken: use PUT to change it.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Client create(@Valid @RequestBody ClientRequest request) {
        return clients.create(request);
    }

    @Operation(summary = "Change a client", description = "The code comes from the path; the body's code may be left out.")
    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Client update(@PathVariable String code, @Valid @RequestBody ClientRequest request) {
        return clients.update(code, request);
    }
}
