package org.examcert.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The application as Arquillian deploys it, at the context root / as in production: its packages, resources, web files and libraries. */
public final class Deployments {

    private static final Path MAIN = Path.of("src", "main");

    private Deployments() {
    }

    public static WebArchive examcert() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addPackages(true, path -> isApplicationClass(path.get()), "org.examcert")
                .setWebXML(MAIN.resolve("webapp/WEB-INF/web.xml").toFile());
        // Resources as the build processed them (filtered build.properties included), classes excepted.
        addTree(war, Path.of("target", "classes"), true);
        addTree(war, MAIN.resolve("webapp"), false);
        war.addAsLibraries(libraries());
        return war;
    }

    /** Test classes (they run on the client side) and the launcher stay out of the deployment. */
    private static boolean isApplicationClass(String path) {
        String name = path.replace('/', '.');
        return !name.contains(".launcher.") && !name.contains(".testing.")
                && !name.matches(".*(Test|IT)(\\$.*)?\\.class$");
    }

    private static void addTree(WebArchive war, Path root, boolean asClasspathResource) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".class"))
                    .forEach(f -> {
                        String relative = root.relativize(f).toString().replace('\\', '/');
                        if (asClasspathResource) {
                            war.addAsResource(f.toFile(), relative);
                        } else if (!relative.startsWith("WEB-INF/")) {
                            war.addAsWebResource(f.toFile(), relative);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same jars the build packs into WEB-INF/lib (the WAR is packaged before integration tests). */
    private static java.io.File[] libraries() {
        Path lib = Path.of("target", "examcert", "WEB-INF", "lib");
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).toArray(java.io.File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("package the WAR before the integration tests (mvn verify does): " + lib, e);
        }
    }
}
