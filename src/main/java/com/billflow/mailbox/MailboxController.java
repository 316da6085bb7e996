package com.billflow.mailbox;

import com.billflow.common.NotFoundException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** /mailbox (administrators only, see SecurityConfiguration): every mail the embedded SMTP server received, newest first, with headers and attachments. */
@Controller
@ConditionalOnProperty(name = "billflow.mail.embedded.enabled", havingValue = "true")
class MailboxController {

    private final EmbeddedSmtpServer server;

    MailboxController(EmbeddedSmtpServer server) {
        this.server = server;
    }

    @GetMapping(value = "/mailbox", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String mailbox() throws MessagingException, IOException {
        List<MimeMessage> messages = server.receivedMessages();
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Billflow mailbox</title>
                <link rel="stylesheet" href="/billflow/billflow.css"></head><body><header><h1>Mailbox</h1>
                <nav><a href="/dashboard">Dashboard</a> <a href="/camunda/app/tasklist/">Tasklist</a> <a href="/logout">Sign out</a></nav></header><main>
                <p>Mail received by the embedded SMTP server (newest first), kept under data/mailbox.</p>""");
        if (messages.isEmpty()) {
            html.append("<p class=\"empty\">No mail yet.</p>");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            appendMessage(html, i, messages.get(i));
        }
        return html.append("</main></body></html>").toString();
    }

    @GetMapping("/mailbox/{message}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable int message, @PathVariable int attachment) throws MessagingException, IOException {
        List<MimeMessage> messages = server.receivedMessages();
        if (message < 0 || message >= messages.size()) {
            throw NotFoundException.of("Mail", message);
        }
        List<Part> attachments = attachments(messages.get(message));
        if (attachment < 0 || attachment >= attachments.size()) {
            throw NotFoundException.of("Attachment", attachment);
        }
        Part part = attachments.get(attachment);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(part.getContentType().split(";")[0].trim()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(part.getFileName()).build().toString())
                .body(part.getInputStream().readAllBytes());
    }

    private void appendMessage(StringBuilder html, int index, MimeMessage message) throws MessagingException, IOException {
        html.append("<article class=\"mail\"><h2>").append(htmlEscape(String.valueOf(message.getSubject()))).append("</h2><dl>");
        header(html, "Date", String.valueOf(message.getSentDate()));
        header(html, "From", join(message.getFrom()));
        header(html, "To", join(message.getRecipients(Message.RecipientType.TO)));
        header(html, "Reply-To", join(message.getReplyTo()));
        header(html, "Message-ID", message.getMessageID());
        html.append("</dl><pre>").append(htmlEscape(text(message))).append("</pre>");
        List<Part> attachments = attachments(message);
        for (int a = 0; a < attachments.size(); a++) {
            html.append("<p>Attachment: <a href=\"/mailbox/").append(index).append("/attachments/").append(a).append("\">")
                    .append(htmlEscape(attachments.get(a).getFileName())).append("</a></p>");
        }
        html.append("</article>");
    }

    private static void header(StringBuilder html, String name, String value) {
        html.append("<dt>").append(name).append("</dt><dd>").append(htmlEscape(value == null ? "" : value)).append("</dd>");
    }

    private static String join(jakarta.mail.Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> all = new ArrayList<>();
        for (jakarta.mail.Address address : addresses) {
            all.add(address.toString());
        }
        return String.join(", ", all);
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static List<Part> attachments(Part part) throws MessagingException, IOException {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition()) || child.getFileName() != null) {
                    found.add(child);
                } else {
                    found.addAll(attachments(child));
                }
            }
        }
        return found;
    }
}
