package com.billflow.directory;

import com.billflow.security.LaboratoryTenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start, after the groups (IdentitySetup) and before the demo data: every laboratory
 * has its Camunda tenant, also in a database from before laboratories had tenants. New
 * laboratories get theirs when they are created ({@link LaboratoryService#create}). Who belongs
 * to which tenant is the administrators' choice (Camunda Admin), never changed here.
 */
@Component
@Order(15)
class LaboratoryTenantSetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LaboratoryTenantSetup.class);

    private final LaboratoryRepository laboratories;
    private final LaboratoryTenants tenants;
    private final TransactionTemplate transaction;

    LaboratoryTenantSetup(LaboratoryRepository laboratories, LaboratoryTenants tenants, PlatformTransactionManager transactionManager) {
        this.laboratories = laboratories;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A node that loses the race to create the same tenant as another node starting at once runs again and finds it. */
    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status ->
                        laboratories.findAllByOrderByCode().forEach(lab -> tenants.ensure(lab.getCode(), lab.getName())));
                return;
            } catch (RuntimeException concurrentStart) {
                if (attempt == 3) {
                    throw concurrentStart;
                }
                LOG.warn("Creating the laboratories' tenants failed (attempt {}), probably another node did the same: {}",
                        attempt, concurrentStart.getMessage());
                Thread.sleep(500L * attempt);
            }
        }
    }
}
