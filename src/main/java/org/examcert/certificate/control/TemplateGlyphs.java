package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.platform.text.GlyphCoverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The characters every font of every certificate template can draw: what registration and contest
 * forms accept, so that any contest's certificate prints every name, unit and title. Read from the
 * very font files the renderer embeds (their Unicode cmaps), once.
 */
@ApplicationScoped
public class TemplateGlyphs implements GlyphCoverage {

    private static final Logger LOG = Logger.getLogger(TemplateGlyphs.class.getName());

    @Inject
    Templates templates;

    @Inject
    @ConfigProperty(name = "examcert.certificate-templates.dir", defaultValue = "certificate-templates")
    String folder;

    private volatile List<IntPredicate> fonts;

    @Override
    public boolean covers(int codePoint) {
        for (IntPredicate font : fonts()) {
            if (!font.test(codePoint)) {
                return false;
            }
        }
        return true;
    }

    private List<IntPredicate> fonts() {
        List<IntPredicate> loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                loaded = fonts;
                if (loaded == null) {
                    loaded = load();
                    fonts = loaded;
                }
            }
        }
        return loaded;
    }

    private List<IntPredicate> load() {
        List<IntPredicate> loaded = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of(folder))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("[a-z0-9][a-z0-9-]{0,99}")
                    && Files.isRegularFile(d.resolve("layout.txt"))).sorted().toList()) {
                for (byte[] font : templates.template(dir.getFileName().toString()).fonts().values()) {
                    loaded.add(CertificateRenderer.covered(new TTFParser().parse(new RandomAccessReadBuffer(font))));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the renderer still prints stand-ins for what a font lacks; forms then check control characters only
            LOG.severe(() -> "event=certificate.fonts-unreadable folder=" + Path.of(folder).toAbsolutePath() + " error=" + e);
        }
        return List.copyOf(loaded);
    }
}
