package com.billflow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries STYLE.md asks for, checked on the sources: only Camunda's public API (so a move
 * to a community fork stays a package rename), and the document renderers and mailer plain Java.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/com/billflow");

    /**
     * Two exceptions, each only in its file and only with the imports named here:
     * <ul>
     * <li>the tenant-id provider, the SPI the user guide documents for tenants on shared definitions, lives in
     * {@code impl.cfg.multitenancy} (the provider and its context types);</li>
     * <li>{@code AuthenticatedGroupsAsGiven} (issue 11) registers a custom session factory, the engine configuration's
     * extension point for its managers, with a subclass of {@code AuthorizationManager} that skips the whole-table read
     * of {@code ACT_RU_AUTHORIZATION} before each check. Operaton has the same classes under its own package (a
     * rename), and is adding the same shortcut as a setting ({@code authGroupFilterThreshold}), which would replace it.</li>
     * </ul>
     */
    @Test
    void noEngineInternals() throws IOException {
        Path tenantIdProvider = MAIN.resolve("invoice/process/LaboratoryTenantIdProvider.java");
        Path authorizedGroups = MAIN.resolve("security/AuthenticatedGroupsAsGiven.java");
        assertThat(filesImporting(MAIN, "import org.camunda.bpm.engine.impl.")).containsExactlyInAnyOrder(
                tenantIdProvider.toString(), authorizedGroups.toString());
        assertThat(engineInternalsImportedBy(tenantIdProvider)).allMatch(name -> name.startsWith("org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider"));
        assertThat(engineInternalsImportedBy(authorizedGroups)).containsExactlyInAnyOrder(
                "org.camunda.bpm.engine.impl.interceptor.Session",
                "org.camunda.bpm.engine.impl.interceptor.SessionFactory",
                "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager");
    }

    private static List<String> engineInternalsImportedBy(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("import org.camunda.bpm.engine.impl."))
                .map(line -> line.substring("import ".length(), line.length() - 1)).toList();
    }

    @Test
    void documentsKnowNothingOfCamunda() throws IOException {
        assertThat(filesImporting(MAIN.resolve("document"), "import org.camunda.")).isEmpty();
    }

    @Test
    void theDomainDoesNotReachIntoTheWebLayer() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String domain : List.of("money", "numbering", "document")) {
            offenders.addAll(filesImporting(MAIN.resolve(domain), "import org.springframework.web."));
        }
        assertThat(offenders).isEmpty();
    }

    private static List<String> filesImporting(Path root, String importPrefix) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readAllLines(file).stream().anyMatch(line -> line.startsWith(importPrefix))) {
                    offenders.add(file.toString());
                }
            }
        }
        return offenders;
    }
}
