package com.billflow.document;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps rendered documents per owner (a surgical case, an invoice). */
@Service
public class DocumentStore {

    public static final String PDF = "application/pdf";

    private final DocumentRepository documents;
    private final Clock clock;

    DocumentStore(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional
    public StoredDocument store(String ownerType, Long ownerId, DocumentKind kind, String fileName, byte[] pdf) {
        return documents.save(new StoredDocument(ownerType, ownerId, kind, fileName, PDF, pdf, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(String ownerType, Long ownerId, DocumentKind kind) {
        return documents.newestFirst(ownerType, ownerId, kind, Limit.of(1)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> all(String ownerType, Long ownerId) {
        return documents.findByOwnerTypeAndOwnerIdOrderById(ownerType, ownerId);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> find(String ownerType, Long ownerId, Long documentId) {
        return documents.findById(documentId)
                .filter(d -> d.getOwnerType().equals(ownerType) && d.getOwnerId().equals(ownerId));
    }
}
