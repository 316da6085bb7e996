package com.billflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BillflowApplication {

    public static void main(String[] args) {
        StartupClassPreloader.start(BillflowApplication.class.getClassLoader());
        SpringApplication.run(BillflowApplication.class, args);
    }
}
