package com.billflow.invoice;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface InvoiceHistoryRepository extends JpaRepository<InvoiceHistoryEntry, Long> {

    List<InvoiceHistoryEntry> findByInvoiceIdOrderById(Long invoiceId);
}
