package io.skytrade.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path root;

    private Path run(final Duration age, final boolean closed) throws IOException {
        final RunDirectory run = RunDirectory.create(root, "a: 1\n", NOW.minus(age));
        if (closed) {
            run.markClosed(1, 1, NOW);
        }
        Files.writeString(run.inputs().resolve("20261204F.cq4"), "x".repeat(100));
        return run.dir();
    }

    private Set<Path> runs() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return new TreeSet<>(dirs.toList());
        }
    }

    @Test
    void shouldKeepTheLatestRunsAndNeverARunThatIsNotClosed() throws IOException {
        final Path killed = run(Duration.ofHours(10), false);
        final List<Path> closed = new ArrayList<>();
        for (int h = 9; h >= 1; h--) {
            closed.add(run(Duration.ofHours(h), true));
        }
        final Path running = run(Duration.ZERO, false);
        final Path notARun = Files.createDirectories(root.resolve("notes"));
        final List<String> lines = new ArrayList<>();
        assertEquals(7, new RunRetention(3, 0).apply(root, NOW, lines::add));
        assertEquals(Set.of(killed, closed.get(7), closed.get(8), running, notARun), runs());
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("journal retention: deleted run ") && lines.get(0).contains("the latest 3 runs"), lines.get(0));
    }

    @Test
    void shouldDropClosedRunsOlderThanTheDaysKept() throws IOException {
        final Path old = run(Duration.ofDays(3), true);
        final Path oldKilled = run(Duration.ofDays(3).plusHours(1), false);
        final Path recent = run(Duration.ofHours(20), true);
        assertEquals(1, new RunRetention(0, 2).apply(root, NOW, line -> { }));
        assertEquals(Set.of(oldKilled, recent), runs());
        assertTrue(Files.notExists(old));
    }

    @Test
    void shouldDeleteNothingWhenBothRulesAreOff() throws IOException {
        run(Duration.ofDays(30), true);
        run(Duration.ofDays(20), true);
        assertEquals(0, RunRetention.KEEP_ALL.apply(root, NOW, line -> { }));
        assertEquals(2, runs().size());
    }

    @Test
    void shouldRefuseNegativeRules() {
        assertThrows(IllegalArgumentException.class, () -> new RunRetention(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RunRetention(0, -2));
    }
}
