package com.billflow.document.csv;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer can be injected with {@code billflow.export.*} bound, defaults filling the gaps. */
class AccountingExportConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AccountingExportConfiguration.class, AccountingCsvWriter.class);

    @Test
    void bindsExportSettingsWithDefaults() {
        context.withPropertyValues("billflow.export.date-format=dd.MM.yyyy", "billflow.export.tax-type=GST on Income")
                .run(running -> {
                    assertThat(running).hasSingleBean(AccountingCsvWriter.class);
                    ExportSettings settings = running.getBean(ExportSettings.class);
                    assertThat(settings).isEqualTo(new ExportSettings("dd.MM.yyyy", "200", "GST on Income", "TAX"));
                });
    }
}
