package com.billflow.directory;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ClientRepository extends JpaRepository<Client, String> {

    List<Client> findAllByOrderByCode();
}
