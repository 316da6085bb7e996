package com.billflow.document.csv;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code billflow.export.*} to {@link ExportSettings} so {@link AccountingCsvWriter} can be
 * injected without the application having to scan for configuration properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportSettings.class)
class AccountingExportConfiguration {
}
