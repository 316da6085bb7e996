package com.billflow.directory;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface FacilityRepository extends JpaRepository<Facility, String> {

    List<Facility> findAllByOrderByCode();
}
