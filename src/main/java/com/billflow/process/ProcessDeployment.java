package com.billflow.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Deploys every BPMN, DMN and form under {@code processes/} and {@code forms/} as one deployment
 * whose resource names are the plain file names. The names are therefore the same whether the
 * application runs from a jar or from {@code target/classes}, and duplicate filtering leaves an
 * unchanged model alone: a restart creates no new process version, an edited model one new version.
 * Forms are in the same deployment because the tasks bind their forms with formRefBinding="deployment".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProcessDeployment implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "billflow";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repository;

    ProcessDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("billflow-application")
                .enableDuplicateFiltering(false);
        for (String pattern : new String[]{"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"}) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    builder.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
                }
            }
        }
        Deployment deployment = builder.deployWithResult();
        LOG.info("Processes and forms deployed as '{}' ({})", DEPLOYMENT_NAME, deployment.getId());
    }
}
