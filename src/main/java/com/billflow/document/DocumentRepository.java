package com.billflow.document;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface DocumentRepository extends JpaRepository<StoredDocument, Long> {

    Optional<StoredDocument> findFirstByOwnerTypeAndOwnerIdAndKindOrderByIdDesc(String ownerType, Long ownerId, DocumentKind kind);

    List<StoredDocument> findByOwnerTypeAndOwnerIdOrderById(String ownerType, Long ownerId);
}
