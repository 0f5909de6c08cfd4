package io.skytrade.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RunDirectory#newest}: the run a command uses when none is named. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void shouldPickTheRunThatStartedLastAndIgnoreDirectoriesWithoutInputs() throws IOException {
        final RunDirectory older = RunDirectory.create(tmp, "a: 1\n", Instant.parse("2026-11-25T10:00:00Z"));
        final RunDirectory newer = RunDirectory.create(tmp, "a: 1\n", Instant.parse("2026-11-26T09:00:00Z"));
        Files.createDirectories(tmp.resolve("zzz-not-a-run"));
        assertTrue(older.runId().compareTo(newer.runId()) < 0, older.runId() + " sorts before " + newer.runId());
        assertEquals(newer.dir(), RunDirectory.newest(tmp));
    }

    @Test
    void shouldSayThatThereIsNoRunToUse() throws IOException {
        final CorruptJournalException missing = assertThrows(CorruptJournalException.class, () -> RunDirectory.newest(tmp.resolve("runs")));
        assertTrue(missing.getMessage().contains("does not exist (name one with --journal)"), missing.getMessage());
        Files.createDirectories(tmp.resolve("runs/empty"));
        final CorruptJournalException empty = assertThrows(CorruptJournalException.class, () -> RunDirectory.newest(tmp.resolve("runs")));
        assertEquals("no run directory under " + tmp.resolve("runs").toAbsolutePath().normalize() + " (name one with --journal)",
            empty.getMessage());
    }
}
