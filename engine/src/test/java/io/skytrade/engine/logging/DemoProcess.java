package io.skytrade.engine.logging;

import io.skytrade.engine.cli.SkytradeCli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code skytrade demo} in a child JVM with this test JVM's classpath and module flags (the
 * Chronicle flags of surefire's argLine), the production logging configuration
 * ({@code logback.xml}, not the tests' {@code logback-test.xml}), free ports and a temporary journal
 * root; stdout and stderr go to files for the test to read.
 */
final class DemoProcess {
    private DemoProcess() {
    }

    static Process start(final Path journal, final Path stdout, final Path stderr, final String... extraArgs) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.") || arg.startsWith("--enable-native-access")
                || arg.startsWith("--sun-misc")) {
                command.add(arg);
            }
        }
        command.add("-Dlogback.configurationFile=logback.xml");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SkytradeCli.class.getName());
        command.add("demo");
        command.addAll(List.of("--journal", journal.toString(), "--dashboard-port", "0", "--metrics-port", "0"));
        command.addAll(List.of(extraArgs));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
