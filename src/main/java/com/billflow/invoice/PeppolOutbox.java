package com.billflow.invoice;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The directory a Peppol Access Point sends e-invoices from ({@code billflow.einvoice.outbox-directory}, default
 * {@code ./data/peppol-outbox}). A file appears there whole or not at all: it is written under a hidden temporary name
 * ({@code .<name>.tmp}, which Access Points skip) in the same directory, flushed, and renamed atomically. Writing the
 * same content again (a retried step) leaves the file as it is; other content under an existing name replaces it.
 */
@Component
class PeppolOutbox {

    private final Path directory;

    PeppolOutbox(@Value("${billflow.einvoice.outbox-directory:./data/peppol-outbox}") Path directory) {
        this.directory = directory;
    }

    /** Writes {@code content} as {@code fileName} (a document number with .xml or .pdf); I/O failures propagate, so the step retries. */
    void write(String fileName, byte[] content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(fileName);
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return;
            }
            Path temporary = directory.resolve("." + fileName + ".tmp");
            Files.write(temporary, content);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + fileName + " to the Peppol outbox " + directory.toAbsolutePath(), e);
        }
    }

    Path directory() {
        return directory;
    }
}
