package com.billflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BillflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillflowApplication.class, args);
    }
}
