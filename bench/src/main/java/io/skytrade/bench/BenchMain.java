package io.skytrade.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The bench jar's entry point: JMH's command line ({@code org.openjdk.jmh.Main}) with the JVM
 * flags of {@code bin/jvm.options} (and {@code bin/jvm-24.options} on Java 24+), built into the jar
 * from those files, prepended to every fork's JVM arguments. JMH forks inherit only the flags given
 * on the host's command line, and the jar manifest's Add-Opens reach the host alone; so without this
 * {@code java -jar skytrade-bench.jar} would start forks in which Chronicle cannot map its files.
 * Not on any measured path.
 */
public final class BenchMain {
    /** The generated resource holding the flags. */
    static final String FLAGS = "/skytrade-jvm-flags.properties";
    private static final int JAVA_24 = 24;

    private BenchMain() {
    }

    public static void main(final String[] args) throws Exception {
        final List<String> all = new ArrayList<>(args.length + 2);
        all.add("-jvmArgsPrepend");
        all.add(forkFlags(Runtime.version().feature()));
        all.addAll(List.of(args));
        org.openjdk.jmh.Main.main(all.toArray(new String[0]));
    }

    /** The flags every fork gets on a Java of {@code feature} version, space-separated. */
    static String forkFlags(final int feature) {
        final Properties p = new Properties();
        try (InputStream in = BenchMain.class.getResourceAsStream(FLAGS)) {
            if (in == null) {
                throw new IllegalStateException(FLAGS + " is missing from the bench jar");
            }
            p.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + FLAGS + ": " + e.getMessage(), e);
        }
        final String chronicle = p.getProperty("chronicle", "");
        if (chronicle.isBlank() || chronicle.startsWith("${")) {
            throw new IllegalStateException(FLAGS + " was not filled in by the build: " + chronicle);
        }
        return feature >= JAVA_24 ? chronicle + " " + p.getProperty("java24", "") : chronicle;
    }
}
