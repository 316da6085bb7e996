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

    /** A GS1 Global Location Number: 13 digits, the last the GS1 mod-10 check digit (Peppol rule PEPPOL-COMMON-R040). */
    static boolean isGln(String id) {
        if (!id.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (id.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == id.charAt(12) - '0';
    }

    private static void apply(Client client, ClientRequest request) {
        String email = Text.optional("invoiceContactEmail", request.invoiceContactEmail(), 254);
        if (request.transmitBy() == TransmitBy.EMAIL && email == null) {
            throw new InvalidInputException("invoiceContactEmail is required when transmitBy is EMAIL: invoices are mailed to it");
        }
        EInvoiceSettings einvoice = request.einvoice();
        if (request.transmitBy() == TransmitBy.EINVOICE) {
            if (einvoice == null) {
                throw new InvalidInputException("einvoice is required when transmitBy is EINVOICE: give peppolScheme, peppolId, format (UBL or FACTURX)"
                        + " and delivery (EMAIL, OUTBOX or EMAIL_AND_OUTBOX)");
            }
            if (einvoice.delivery().mails() && email == null) {
                throw new InvalidInputException("invoiceContactEmail is required when einvoice.delivery is " + einvoice.delivery()
                        + ": the e-invoice is mailed to it");
            }
            if ("0088".equals(einvoice.peppolScheme()) && !isGln(einvoice.peppolId().strip())) {
                throw new InvalidInputException("einvoice.peppolId '" + einvoice.peppolId() + "' is not a GLN (scheme 0088): 13 digits whose last is"
                        + " the GS1 check digit");
            }
        } else if (einvoice != null) {
            throw new InvalidInputException("einvoice is only for transmitBy EINVOICE; leave it out for " + request.transmitBy());
        }
        client.update(request.name().strip(), request.address(), email, request.transmitBy(), TaxIds.normalised("taxId", request.taxId()),
                einvoice == null ? null : new EInvoiceSettings(einvoice.peppolScheme(), einvoice.peppolId().strip(), einvoice.format(), einvoice.delivery()));
    }
}
