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

/** Clients: readable by every signed-in user, written by administrators. */
@RestController
@RequestMapping("/api/clients")
class ClientController {

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @GetMapping
    List<Client> list() {
        return clients.all();
    }

    @GetMapping("/{code}")
    Client get(@PathVariable String code) {
        return clients.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('camunda-admin')")
    Client create(@Valid @RequestBody ClientRequest request) {
        return clients.create(request);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    Client update(@PathVariable String code, @Valid @RequestBody ClientRequest request) {
        return clients.update(code, request);
    }
}
