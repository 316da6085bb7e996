package com.billflow.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A rendered document. Its content never changes once stored: a new rendering is a new row. */
@Entity
@Table(name = "document")
public class StoredDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ownerType;
    private Long ownerId;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    private String fileName;
    private String mediaType;

    private byte[] content;

    private String sha256;
    private Instant createdAt;

    protected StoredDocument() {
    }

    StoredDocument(String ownerType, Long ownerId, DocumentKind kind, String fileName, String mediaType,
                   byte[] content, Instant createdAt) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.content = content.clone();
        this.sha256 = sha256Of(content);
        this.createdAt = createdAt;
    }

    /** The SHA-256 of {@code content} in lower-case hex (64 characters). */
    public static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public Long getId() { return id; }
    public String getOwnerType() { return ownerType; }
    public Long getOwnerId() { return ownerId; }
    public DocumentKind getKind() { return kind; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public byte[] getContent() { return content.clone(); }
    public String getSha256() { return sha256; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public String toString() {
        return kind + " " + fileName + " (" + sha256.substring(0, 12) + ")";
    }
}
