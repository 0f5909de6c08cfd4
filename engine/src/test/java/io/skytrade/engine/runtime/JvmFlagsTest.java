package io.skytrade.engine.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test JVMs run with the Chronicle flags written once in bin/jvm.options (the build reads the
 * file into surefire's argLine; nothing copies them by hand).
 */
class JvmFlagsTest {
    @Test
    void shouldRunTheTestsWithEveryChronicleFlagOfBinJvmOptions() throws IOException {
        final List<String> written = Files.readAllLines(Path.of("../bin/jvm.options")).stream().map(String::strip)
            .filter(f -> f.startsWith("--add-exports=") || f.startsWith("--add-opens=") || f.startsWith("-Dchronicle.")).toList();
        final List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(written.size() >= 13, written.toString());
        for (final String flag : written) {
            assertTrue(running.contains(flag), flag + " missing from " + running);
        }
    }
}
