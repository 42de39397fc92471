package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.examcert.certificate.Serial;
import org.examcert.mail.Attachments;

import java.util.Optional;

/** Gives the mail dispatcher a certificate's PDF, rendered when the mail is sent. */
@ApplicationScoped
public class CertificateAttachments implements Attachments {

    private static final String PREFIX = "certificate:";

    @Inject
    Certificates certificates;

    static String reference(Serial serial) {
        return PREFIX + serial.value();
    }

    @Override
    public boolean handles(String reference) {
        return reference.startsWith(PREFIX);
    }

    @Override
    public Optional<Attachment> resolve(String reference) {
        return Serial.parse(reference.substring(PREFIX.length()))
                .flatMap(certificates::bySerial)
                .map(c -> new Attachment("giay-chung-nhan-" + c.serial().value() + ".pdf", "application/pdf", certificates.pdf(c)));
    }
}
