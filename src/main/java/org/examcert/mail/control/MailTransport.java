package org.examcert.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.mail.Attachments;
import org.examcert.mail.MailFailure;
import org.examcert.mail.entity.OutboxMail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends a mail over SMTP (Jakarta Mail) when examcert.mail.smtp.host is set; otherwise writes it as
 * an .eml file into the mail folder, so that a newcomer running the embedded default can open it.
 */
@ApplicationScoped
public class MailTransport {

    @Inject
    @ConfigProperty(name = "examcert.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "examcert.mail.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "examcert.mail.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "examcert.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "examcert.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "examcert.mail.from", defaultValue = "no-reply@examcert.local")
    String from;

    @Inject
    @ConfigProperty(name = "examcert.mail.from-name", defaultValue = "Ban Tổ chức cuộc thi")
    String fromName;

    @Inject
    @ConfigProperty(name = "examcert.data.dir", defaultValue = "data")
    String dataDir;

    private Session session;

    @PostConstruct
    void configure() {
        Properties props = new Properties();
        host.ifPresent(h -> props.put("mail.smtp.host", h));
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        props.put("mail.smtp.starttls.required", String.valueOf(startTls));
        props.put("mail.mime.charset", "UTF-8");
        if (user.isPresent()) {
            props.put("mail.smtp.auth", "true");
            session = Session.getInstance(props, new jakarta.mail.Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            });
        } else {
            session = Session.getInstance(props);
        }
    }

    /**
     * A connection to the SMTP server (or, without one, to the folder of .eml files), opened before
     * a certificate is rendered: while the server is down, a retry costs a refused connection, not
     * a PDF.
     */
    public Connection open() throws MessagingException {
        if (host.isEmpty()) {
            return new Connection(null);
        }
        Transport smtp = session.getTransport("smtp");
        smtp.connect();
        return new Connection(smtp);
    }

    /** One open connection; closing it never fails a mail already handed over. */
    public final class Connection implements AutoCloseable {
        private final Transport smtp;

        private Connection(Transport smtp) {
            this.smtp = smtp;
        }

        public void send(OutboxMail mail, Attachments.Attachment attachment) throws MessagingException, IOException {
            MimeMessage message = compose(mail, attachment);
            if (smtp != null) {
                message.saveChanges();
                smtp.sendMessage(message, message.getAllRecipients());
            } else {
                Path folder = Path.of(dataDir, "mail");
                Files.createDirectories(folder);
                try (OutputStream out = Files.newOutputStream(folder.resolve("mail-" + mail.id() + ".eml"))) {
                    message.writeTo(out);
                }
            }
        }

        @Override
        public void close() {
            if (smtp != null) {
                try {
                    smtp.close();
                } catch (MessagingException ignored) {
                    // the server already took (or refused) the message; a failed QUIT changes neither
                }
            }
        }
    }

    /**
     * Why a send failed: a malformed address or a recipient the server refused (5xx, which Jakarta
     * Mail reports as invalid addresses) are permanent; an unreachable server or a 4xx is not.
     */
    static MailFailure reason(Exception e) {
        if (e instanceof AddressException) {
            return MailFailure.ADDRESS_INVALID;
        }
        if (e instanceof SendFailedException refused) {
            Address[] invalid = refused.getInvalidAddresses();
            return invalid != null && invalid.length > 0 ? MailFailure.RECIPIENT_REFUSED : MailFailure.SERVER_UNAVAILABLE;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return MailFailure.SERVER_UNAVAILABLE;
            }
        }
        return e instanceof MessagingException ? MailFailure.SERVER_UNAVAILABLE : MailFailure.OTHER;
    }

    private MimeMessage compose(OutboxMail mail, Attachments.Attachment attachment) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("X-Examcert-Mail", String.valueOf(mail.id()));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.bodyText(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(mail.bodyHtml(), "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        if (attachment != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
