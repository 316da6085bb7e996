package com.billflow.payment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    /**
     * The payments of one subject, oldest first. A JPQL string rather than a derived query: Spring Data
     * builds a derived query as a JPA criteria, which Hibernate 6 translates to SQL again on every call
     * (criteria plans are not cached), while a string's plan is cached; a case's JSON reads this twice.
     */
    @Query("select p from Payment p where p.subject = :subject and p.ownerId = :ownerId order by p.id")
    List<Payment> findBySubjectAndOwnerIdOrderById(@Param("subject") PaymentSubject subject, @Param("ownerId") Long ownerId);

    /**
     * The payments of either subject, oldest first: one query where a case's JSON needs its invoice's and its commission's.
     * Two parameters, not a collection: Hibernate 6 translates a query with a collection parameter again on every call.
     */
    @Query("select p from Payment p where p.subject in (:first, :second) and p.ownerId = :ownerId order by p.id")
    List<Payment> findByEitherSubject(@Param("first") PaymentSubject first, @Param("second") PaymentSubject second,
                                      @Param("ownerId") Long ownerId);
}
