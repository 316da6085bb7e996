package com.billflow.surgicalcase;

import org.springframework.data.jpa.repository.JpaRepository;


public interface SurgicalCaseRepository extends JpaRepository<SurgicalCase, Long> {
}
