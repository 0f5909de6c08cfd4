package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-memory journal: completed cycles reach the run directory while the run writes, a
 * clean close brings the rest and clears the tmpfs, a power loss loses only the cycle being
 * written (the archived ones read back), and a crashed run's queues are recovered, never a live one's.
 */
@Timeout(60)
class ShmArchiverTest {
    private static final SideBuffers SIDE = new SideBuffers(1);
    private static final List<String> QUEUES = List.of(RunDirectory.INPUTS);

    @TempDir
    Path tmp;

    @Test
    void shouldArchiveCompletedCyclesWhileWritingAndTheLastOneAtClose() throws Exception {
        final RunDirectory run = RunDirectory.create(tmp.resolve("journal"), "a: 1\n", Instant.now());
        final Path shmRun = tmp.resolve("shm").resolve(run.runId());
        final ShmArchiver archiver = new ShmArchiver(shmRun, run.dir(), QUEUES);
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.SECONDS.toNanos(1_764_892_800L));
        try (SingleChronicleQueue queue = secondlyQueue(shmRun.resolve(RunDirectory.INPUTS), time)) {
            final InputJournalStage stage = new InputJournalStage(queue);
            stage.onStart();
            append(stage, 0, 300, time);
            await("two completed cycles archived").atMost(Duration.ofSeconds(20)).until(() -> archiver.cyclesArchived() == 2);
            assertEquals(2, cycleFiles(run.inputs()), "the cycle being written is not copied yet");
            stage.onShutdown();
        }
        archiver.close();
        assertEquals(0, archiver.failures());
        assertFalse(Files.exists(shmRun), "the tmpfs directory is removed after the final copy");
        assertEquals(3, cycleFiles(run.inputs()));
        assertReadsBack(run.inputs(), 300);
    }

    @Test
    void shouldLoseOnlyTheCycleBeingWrittenOnAPowerLoss() throws Exception {
        final RunDirectory run = RunDirectory.create(tmp.resolve("journal"), "a: 1\n", Instant.now());
        final Path shmRun = tmp.resolve("shm").resolve(run.runId());
        final ShmArchiver archiver = new ShmArchiver(shmRun, run.dir(), QUEUES);
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.SECONDS.toNanos(1_764_892_800L));
        try (SingleChronicleQueue queue = secondlyQueue(shmRun.resolve(RunDirectory.INPUTS), time)) {
            final InputJournalStage stage = new InputJournalStage(queue);
            stage.onStart();
            append(stage, 0, 300, time);
            await("two completed cycles archived").atMost(Duration.ofSeconds(20)).until(() -> archiver.cyclesArchived() == 2);
            stage.onShutdown();
        }
        // the machine loses power: whatever is on the tmpfs is gone and nothing more is copied
        deleteTree(shmRun);
        assertReadsBack(run.inputs(), 200);
    }

    @Test
    void shouldRecoverTheQueuesOfACrashedRunButNeverOfALiveOne() throws Exception {
        final Path journalRoot = tmp.resolve("journal");
        final Path shmRoot = tmp.resolve("shm");
        final RunDirectory crashed = RunDirectory.create(journalRoot, "a: 1\n", Instant.now());
        final SetTimeProvider time = new SetTimeProvider(TimeUnit.SECONDS.toNanos(1_764_892_800L));
        try (SingleChronicleQueue queue = secondlyQueue(shmRoot.resolve(crashed.runId()).resolve(RunDirectory.INPUTS), time)) {
            final InputJournalStage stage = new InputJournalStage(queue);
            stage.onStart();
            append(stage, 0, 250, time);
            stage.onShutdown();
        }
        final RunDirectory live = RunDirectory.create(journalRoot, "a: 2\n", Instant.now().plusSeconds(5));
        final ShmArchiver liveArchiver = new ShmArchiver(shmRoot.resolve(live.runId()), live.dir(), QUEUES);
        assertEquals(List.of(crashed.runId()), ShmArchiver.recover(shmRoot, journalRoot, QUEUES));
        assertFalse(Files.exists(shmRoot.resolve(crashed.runId())));
        assertTrue(Files.exists(shmRoot.resolve(live.runId())), "a live run's tmpfs directory is left alone");
        assertReadsBack(crashed.inputs(), 250);
        liveArchiver.close();
    }

    @Test
    void shouldWriteARunOnSharedMemoryAndLeaveItOnDisk() throws Exception {
        final RunDirectory run = RunDirectory.create(tmp.resolve("journal"), "a: 1\n", Instant.now());
        final JournalSettings settings = new JournalSettings(1 << 20, "FAST_DAILY", true, 4 << 20, JournalSettings.SHM,
            tmp.resolve("shm").toString());
        final RunJournal journal = RunJournal.open(run, settings);
        assertEquals(tmp.resolve("shm").resolve(run.runId()), journal.queueRoot());
        final InputJournalStage stage = journal.inputStage();
        stage.onStart();
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 1000; i++) {
            InputCodecTest.randomInput(e, 1 + i % (EventType.COUNT - 1), i);
            e.sequence = i;
            stage.onEvent(e, i, true);
            if (i % 10 == 0) {
                SIDE.decisionsToWrite(e).add(DecisionKind.ORDER_NEW, 1, Side.BUY, i, 1, i / 10 + 1, 0);
                journal.decisions().onDecisions(e, SIDE);
            }
        }
        stage.onShutdown();
        journal.close();
        assertEquals(0, journal.backgroundFailures());
        assertFalse(Files.exists(journal.queueRoot()));
        assertReadsBack(run.inputs(), 1000);
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            final DecisionRecord r = new DecisionRecord();
            int n = 0;
            while (reader.next(r)) {
                n++;
            }
            assertEquals(100, n);
        }
    }

    private static SingleChronicleQueue secondlyQueue(final Path dir, final SetTimeProvider time) {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(TestRollCycles.TEST_SECONDLY).timeProvider(time)
            .blockSize(1 << 20).build();
    }

    /** Appends inputs {@code from..to-1}, one second of queue time per hundred (so a new cycle each hundred). */
    private static void append(final InputJournalStage stage, final int from, final int to, final SetTimeProvider time) {
        final EngineEvent e = new EngineEvent();
        for (int i = from; i < to; i++) {
            if (i > from && i % 100 == 0) {
                time.advanceMillis(1000);
            }
            InputCodecTest.randomInput(e, 1 + i % (EventType.COUNT - 1), i);
            e.sequence = i;
            stage.onEvent(e, i, true);
        }
    }

    private static void assertReadsBack(final Path inputs, final int n) {
        final EngineEvent expected = new EngineEvent();
        final EngineEvent actual = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(inputs)) {
            for (int i = 0; i < n; i++) {
                assertTrue(reader.next(actual), "input " + i + " of " + n);
                InputCodecTest.randomInput(expected, 1 + i % (EventType.COUNT - 1), i);
                expected.sequence = i;
                assertEquals(expected.toString(), actual.toString());
            }
            assertFalse(reader.next(actual), "nothing after input " + (n - 1));
        }
    }

    private static long cycleFiles(final Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).count();
        }
    }

    private static void deleteTree(final Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
