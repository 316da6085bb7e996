import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * How long Jakarta Mail takes to build and write one invoice mail (a text part and a 40 KB PDF
 * attachment), as the mail step does, inside the application's fat jar (its class loader is what
 * makes Jakarta Mail's ServiceLoader lookup of StreamProvider slow). Run by scripts/benchmark.sh
 * through Spring Boot's PropertiesLauncher so that it sees the same nested jars as the app:
 *
 *   java [-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider] \
 *        -cp target/billflow.jar -Dloader.path=target/benchmark/classes -Dloader.main=MailPartBenchmark \
 *        org.springframework.boot.loader.launch.PropertiesLauncher [messages]
 *
 * Prints one tab-separated line: messages, median microseconds per message over 5 rounds.
 */
public class MailPartBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Session session = Session.getInstance(new Properties());
        byte[] pdf = new byte[40_000];
        Arrays.fill(pdf, (byte) 'x');
        long[] rounds = new long[5];
        for (int warmUp = 0; warmUp < messages; warmUp++) {
            write(session, pdf);
        }
        for (int round = 0; round < rounds.length; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                write(session, pdf);
            }
            rounds[round] = (System.nanoTime() - started) / messages / 1000;
        }
        Arrays.sort(rounds);
        System.out.println(messages + "\t" + rounds[rounds.length / 2]);
    }

    private static void write(Session session, byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@example.com"));
        message.setRecipients(MimeMessage.RecipientType.TO, "ap@hospital.example");
        message.setSubject("Invoice INV-2026-000001 - Total knee replacement", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear Accounts Payable,\n\nplease find attached invoice INV-2026-000001.\n", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("INV-2026-000001.pdf");
        MimeMultipart multipart = new MimeMultipart("mixed");
        multipart.addBodyPart(text);
        multipart.addBodyPart(attachment);
        message.setContent(multipart);
        message.saveChanges();
        message.writeTo(OutputStream.nullOutputStream());
    }
}
