package io.skytrade.engine.runtime;

import io.skytrade.journal.RunDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of the engine's code recorded a run: a SHA-256, cut to 16 hex digits, over the name
 * and bytes of every {@code io/skytrade/} class file the running engine was loaded from (the shaded
 * jar, or the modules' class directories in a development build), in name order. Two builds of the
 * same sources with the same compiler give the same fingerprint; any change to the business logic,
 * its defaults or its codecs gives another. Recorded in {@code run.properties} by every engine run
 * (live, backtest, evaluate) so that {@code replay --verify} can say, when decisions differ, that
 * the run was recorded by a different build: a replay is deterministic for the build that recorded
 * it, and a later build that changes a model is expected to decide differently.
 *
 * <p>Start-up and tools only: computed once per process (a read of the engine's own class files,
 * tens of milliseconds), never on a stage path.
 */
public final class BuildFingerprint {
    /** The {@code run.properties} key. */
    public static final String PROPERTY = "buildFingerprint";

    /** One class from each module whose code decides or journals: their code sources are hashed. */
    private static final Class<?>[] ANCHORS = {
        io.skytrade.core.pipeline.Pipeline.class,
        io.skytrade.journal.RunDirectory.class,
        io.skytrade.exchange.RejectReason.class,
        io.skytrade.feeds.Observation.class,
        BuildFingerprint.class,
    };

    private BuildFingerprint() {
    }

    /** This build's fingerprint (16 lowercase hex digits). */
    public static String current() {
        return Holder.CURRENT;
    }

    /**
     * When {@code run} was recorded by another build than this one (or by a build that did not record
     * its fingerprint), a sentence saying so for a failed {@code replay --verify}; null when the builds
     * are the same.
     */
    public static String mismatch(final RunDirectory run) {
        final String recorded = run.property(PROPERTY, null);
        if (recorded == null) {
            return "the run does not name the build that recorded it (runs recorded before the build fingerprint was "
                + "journaled); if it was recorded by another build, a changed model or default decides differently: "
                + "verify it with the jar that recorded it";
        }
        if (recorded.equals(current())) {
            return null;
        }
        return "the run was recorded by another build (fingerprint " + recorded + "; this build " + current()
            + "): a changed model or default decides differently; verify it with the jar that recorded it";
    }

    private static final class Holder {
        static final String CURRENT = compute();
    }

    private static String compute() {
        final TreeSet<Path> sources = new TreeSet<>();
        for (final Class<?> anchor : ANCHORS) {
            sources.add(codeSource(anchor));
        }
        final TreeMap<String, byte[]> classes = new TreeMap<>();
        for (final Path source : sources) {
            if (Files.isDirectory(source)) {
                readDirectory(source, classes);
            } else {
                readJar(source, classes);
            }
        }
        final MessageDigest sha = sha256();
        classes.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static Path codeSource(final Class<?> anchor) {
        final CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot fingerprint the build: " + anchor.getName() + " has no code source");
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("cannot fingerprint the build: code source " + source.getLocation() + " is not a path", e);
        }
    }

    private static void readJar(final Path jar, final TreeMap<String, byte[]> classes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            final List<JarEntry> entries = new ArrayList<>();
            file.stream().filter(e -> isOurClass(e.getName())).forEach(entries::add);
            for (final JarEntry entry : entries) {
                try (InputStream in = file.getInputStream(entry)) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot fingerprint the build: cannot read " + jar, e);
        }
    }

    private static void readDirectory(final Path root, final TreeMap<String, byte[]> classes) {
        try (Stream<Path> files = Files.walk(root)) {
            for (final Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                final String name = root.relativize(file).toString().replace('\\', '/');
                if (isOurClass(name)) {
                    classes.put(name, Files.readAllBytes(file));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot fingerprint the build: cannot read " + root, e);
        }
    }

    private static boolean isOurClass(final String name) {
        return name.startsWith("io/skytrade/") && name.endsWith(".class");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
