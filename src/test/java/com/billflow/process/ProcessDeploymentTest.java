package com.billflow.process;

import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.process.SurgicalCaseBillingProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart (from a jar or from target/classes alike) deploys nothing new when nothing changed. */
class ProcessDeploymentTest extends IntegrationTest {

    @Autowired
    ProcessDeployment deployment;
    @Autowired
    RepositoryService repository;

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersion() throws Exception {
        // given
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey(SurgicalCaseBillingProcess.PROCESS_KEY).count();
        long deployments = repository.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME).count();

        // when the application starts again
        deployment.run(new DefaultApplicationArguments());

        // then
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SurgicalCaseBillingProcess.PROCESS_KEY).count()).isEqualTo(versions);
        assertThat(repository.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME).count()).isEqualTo(deployments);
        assertThat(repository.getDeploymentResourceNames(repository.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0).getId()))
                .contains("SurgicalCaseBillingProcess.bpmn", "AddPurchaseOrderForm.form", "SendInvoiceForm.form");
    }
}
