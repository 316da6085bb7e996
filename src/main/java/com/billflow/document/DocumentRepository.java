package com.billflow.document;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/**
 * The stored documents. JPQL strings rather than derived queries: Spring Data builds a derived query as a JPA
 * criteria, which Hibernate 6 translates to SQL again on every call (criteria plans are not cached), while a string's
 * plan is cached; the invoice's PDF is read for every mail and every download.
 */
interface DocumentRepository extends JpaRepository<StoredDocument, Long> {

    /** The owner's documents of one kind, newest first; {@code limit} caps how many. */
    @Query("select d from StoredDocument d where d.ownerType = :ownerType and d.ownerId = :ownerId and d.kind = :kind order by d.id desc")
    List<StoredDocument> newestFirst(@Param("ownerType") String ownerType, @Param("ownerId") Long ownerId, @Param("kind") DocumentKind kind,
                                     Limit limit);

    @Query("select d from StoredDocument d where d.ownerType = :ownerType and d.ownerId = :ownerId order by d.id")
    List<StoredDocument> findByOwnerTypeAndOwnerIdOrderById(@Param("ownerType") String ownerType, @Param("ownerId") Long ownerId);
}
