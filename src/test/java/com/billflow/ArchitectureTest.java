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
     * One exception: the tenant-id provider, the SPI the user guide documents for tenants on shared
     * definitions, lives in {@code impl.cfg.multitenancy}; only that package, only in that file.
     */
    @Test
    void noEngineInternals() throws IOException {
        Path tenantIdProvider = MAIN.resolve("invoice/process/LaboratoryTenantIdProvider.java");
        assertThat(filesImporting(MAIN, "import org.camunda.bpm.engine.impl.")).containsExactly(tenantIdProvider.toString());
        assertThat(Files.readAllLines(tenantIdProvider).stream().filter(line -> line.startsWith("import org.camunda.bpm.engine.impl.")))
                .allMatch(line -> line.startsWith("import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider"));
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
