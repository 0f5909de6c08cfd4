package io.skytrade.engine.runtime;

import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildFingerprintTest {
    @TempDir
    Path tmp;

    @Test
    void shouldFingerprintThisBuildAsSixteenHexDigitsTheSameEachTime() {
        final String fingerprint = BuildFingerprint.current();
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        assertEquals(fingerprint, BuildFingerprint.current());
    }

    @Test
    void shouldSayNothingForARunRecordedByThisBuild() {
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.EPOCH,
            Map.of(BuildFingerprint.PROPERTY, BuildFingerprint.current()));
        assertNull(BuildFingerprint.mismatch(run));
    }

    @Test
    void shouldNameBothBuildsForARunRecordedByAnother() {
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.EPOCH,
            Map.of(BuildFingerprint.PROPERTY, "0123456789abcdef"));
        final String said = BuildFingerprint.mismatch(run);
        assertTrue(said.contains("recorded by another build (fingerprint 0123456789abcdef; this build "
            + BuildFingerprint.current() + ")"), said);
        assertTrue(said.contains("verify it with the jar that recorded it"), said);
    }

    @Test
    void shouldSayARunWithoutAFingerprintMayComeFromAnotherBuild() {
        final RunDirectory run = RunDirectory.create(tmp, "a: 1\n", Instant.EPOCH);
        final String said = BuildFingerprint.mismatch(run);
        assertTrue(said.startsWith("the run does not name the build that recorded it"), said);
    }
}
