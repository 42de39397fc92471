package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.certificate.CertificateLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Certificate templates from the certificate-templates folder, each read once: its layout and font files. */
@ApplicationScoped
public class Templates {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,99}$");

    /** A template ready to render: its layout and the bytes of each font it declares. */
    public record Template(String name, CertificateLayout layout, Map<String, byte[]> fonts, byte[] background) {
    }

    @Inject
    @ConfigProperty(name = "examcert.certificate-templates.dir", defaultValue = "certificate-templates")
    String folder;

    private final Map<String, Template> loaded = new ConcurrentHashMap<>();

    public Template template(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a template name: " + name);
        }
        return loaded.computeIfAbsent(name, this::load);
    }

    private Template load(String name) {
        Path dir = Path.of(folder, name);
        try {
            CertificateLayout layout = CertificateLayout.parse(name + "/layout.txt",
                    Files.readString(dir.resolve("layout.txt"), StandardCharsets.UTF_8));
            Map<String, byte[]> fonts = new ConcurrentHashMap<>();
            for (Map.Entry<String, String> font : layout.fonts().entrySet()) {
                fonts.put(font.getKey(), Files.readAllBytes(dir.resolve(font.getValue()).normalize()));
            }
            byte[] background = layout.background() == null ? null : Files.readAllBytes(dir.resolve(layout.background()).normalize());
            return new Template(name, layout, fonts, background);
        } catch (IOException e) {
            throw new UncheckedIOException("certificate template " + dir.toAbsolutePath() + " cannot be read", e);
        }
    }
}
