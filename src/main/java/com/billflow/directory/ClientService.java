package com.billflow.directory;

import com.billflow.common.AlreadyExistsException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.common.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
public class ClientService {

    private final ClientRepository clients;

    ClientService(ClientRepository clients) {
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public Client get(String code) {
        return clients.findById(code).orElseThrow(() -> NotFoundException.of("Client", code));
    }

    /** As {@link #get} for a code that arrives inside a request body: unknown is the caller's input error. */
    @Transactional(readOnly = true)
    public Client getReferenced(String code) {
        return clients.findById(code).orElseThrow(() ->
                new InvalidInputException("clientCode '" + code + "' is not a known client"));
    }

    @Transactional(readOnly = true)
    public List<Client> all() {
        return clients.findAllByOrderByCode();
    }

    @Transactional
    public Client create(ClientRequest request) {
        if (request.code() == null) {
            throw new InvalidInputException("code is required");
        }
        if (clients.existsById(request.code())) {
            throw new AlreadyExistsException("Client '" + request.code() + "' already exists: use PUT /api/clients/" + request.code() + " to change it");
        }
        Client client = new Client(request.code());
        apply(client, request);
        return clients.save(client);
    }

    @Transactional
    public Client update(String code, ClientRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code '" + request.code() + "' in the body differs from '" + code + "' in the path: a client's code cannot change");
        }
        Client client = get(code);
        apply(client, request);
        return client;
    }

    private static void apply(Client client, ClientRequest request) {
        String email = Text.optional("invoiceContactEmail", request.invoiceContactEmail(), 254);
        if (request.transmitBy() == TransmitBy.EMAIL && email == null) {
            throw new InvalidInputException("invoiceContactEmail is required when transmitBy is EMAIL: invoices are mailed to it");
        }
        client.update(request.name().strip(), request.address(), email, request.transmitBy(), TaxIds.normalised("taxId", request.taxId()));
    }
}
