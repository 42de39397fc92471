package org.examcert.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real SMTP server (GreenMail) in the test JVM, on the port the build reserved, started once for
 * the run before Payara Micro (which sends to it). Tests that need it take a {@link MailServer}.
 */
public class MailServerForTests implements BeforeAllCallback, ParameterResolver {

    /** The running SMTP server: what arrived, and stopping and starting it (an outage). */
    public static final class MailServer implements ExtensionContext.Store.CloseableResource {
        private final ServerSetup setup = new ServerSetup(Integer.parseInt(System.getProperty("it.smtp.port", "3025")),
                "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        private GreenMail greenMail;

        MailServer() {
            start();
        }

        public synchronized GreenMail greenMail() {
            return greenMail;
        }

        public synchronized void stop() {
            greenMail.stop();
        }

        public synchronized void start() {
            greenMail = new GreenMail(setup);
            greenMail.start();
        }

        /** The messages received so far for one recipient. */
        public synchronized java.util.List<jakarta.mail.internet.MimeMessage> to(String recipient) {
            java.util.List<jakarta.mail.internet.MimeMessage> found = new java.util.ArrayList<>();
            for (jakarta.mail.internet.MimeMessage m : greenMail.getReceivedMessages()) {
                try {
                    for (jakarta.mail.Address a : m.getAllRecipients()) {
                        if (a.toString().equalsIgnoreCase(recipient)) {
                            found.add(m);
                        }
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return found;
        }

        /** Waits up to 30 s until {@code count} messages have arrived for {@code recipient}. */
        public java.util.List<jakarta.mail.internet.MimeMessage> await(String recipient, int count) throws InterruptedException {
            for (int i = 0; i < 120; i++) {
                java.util.List<jakarta.mail.internet.MimeMessage> received = to(recipient);
                if (received.size() >= count) {
                    return received;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("no " + count + " mail(s) for " + recipient + " within 30 s; got " + to(recipient).size());
        }

        @Override
        public synchronized void close() {
            greenMail.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MailServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MailServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MailServer.class, key -> new MailServer(), MailServer.class);
    }
}
