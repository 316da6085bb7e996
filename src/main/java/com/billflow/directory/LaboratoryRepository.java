package com.billflow.directory;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface LaboratoryRepository extends JpaRepository<Laboratory, String> {

    List<Laboratory> findAllByOrderByCode();
}
