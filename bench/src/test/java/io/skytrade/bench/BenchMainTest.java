package io.skytrade.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JMH forks get exactly the flags written in bin/jvm.options (and bin/jvm-24.options on Java 24+). */
class BenchMainTest {
    @Test
    void shouldGiveEveryForkTheChronicleFlagsOfBinJvmOptions() throws IOException {
        final List<String> chronicle = flags("../bin/jvm.options").stream()
            .filter(f -> f.startsWith("--add-exports=") || f.startsWith("--add-opens=") || f.startsWith("-Dchronicle.")).toList();
        assertEquals(13, chronicle.size(), chronicle.toString());
        assertEquals(chronicle, List.of(BenchMain.forkFlags(17).split(" ")));
        final List<String> java24 = new java.util.ArrayList<>(chronicle);
        java24.addAll(flags("../bin/jvm-24.options"));
        assertEquals(java24, List.of(BenchMain.forkFlags(25).split(" ")));
    }

    private static List<String> flags(final String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(l -> l.startsWith("-")).toList();
    }
}
