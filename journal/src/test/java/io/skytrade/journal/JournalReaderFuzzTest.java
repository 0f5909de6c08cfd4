package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing of the journal readers (issue #11): a small run directory written once, then its queue
 * files damaged in seeded, random ways (bytes flipped, ranges zeroed or copied over others, the
 * file cut at any length, the metadata file garbled; the inputs written in ring batches of 2 to 7 and,
 * for a batch of one, as the plain entry an older build wrote, so the queue holds plain entries of input
 * layouts 1 and 2 and batch documents of layout-3 entries) and read back with {@link InputJournalReader},
 * {@link DecisionJournalReader} and {@link JournalInspector}. Whatever the damage, a reader either
 * finishes or throws a {@link CorruptJournalException} whose message is one line naming the queue;
 * nothing else escapes (no Chronicle exception) but the JVM's fault of a read past the end of a
 * mapped file, which compiled code may raise after the reader returned (then the command line
 * reports it: {@link ChronicleFaults#isMappedFileFault}); and every entry delivered before stopping is
 * exactly the entry that was journaled at that position (the CRC lets no damaged entry through).
 * Seeded and bounded (a few seconds); the seed of a failing case is in its message.
 */
@Timeout(120)
class JournalReaderFuzzTest {
    private static final int INPUTS = 400;
    /** Cases per queue; {@code -Dskytrade.fuzz.cases=N} runs more (README, "Fuzzing"). */
    private static final int CASES = Integer.getInteger("skytrade.fuzz.cases", 40);
    /** {@code -Dskytrade.fuzz.seed=S} runs other cases. */
    private static final long SEED = Long.getLong("skytrade.fuzz.seed", 0x5eed_1111L);
    private static final SideBuffers SIDE = new SideBuffers(1);

    @TempDir
    Path tmp;

    private RunDirectory run;
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> decisions = new ArrayList<>();

    @BeforeEach
    void writeRun() {
        run = RunDirectory.create(tmp.resolve("runs"), "a: 1\n", Instant.parse("2026-11-25T10:00:00Z"));
        final JournalSettings settings = new JournalSettings(JournalSettings.MIN_BLOCK_SIZE, "FAST_DAILY", false, 0);
        final InputCodec inputCodec = new InputCodec();
        try (var in = Queues.openForWriting(run.inputs(), settings, null);
             var out = Queues.openForWriting(run.decisions(), settings, null)) {
            final InputJournalStage stage = new InputJournalStage(in, new AtomicLong());
            final DecisionJournal decisionJournal = new DecisionJournal(out);
            final EngineEvent[] ring = new EngineEvent[INPUTS];
            stage.bindSlots(s -> ring[(int) s]);
            stage.onStart();
            // ring batches of 1 to 7 inputs: a batch of one appended as the plain entry (layout 1 or 2) of an older
            // build, the others as this build's batch documents: both kinds in one queue
            final var plain = in.createAppender();
            final SplittableRandom batches = new SplittableRandom(SEED);
            int left = 0;
            for (int i = 0; i < INPUTS; i++) {
                final EngineEvent e = new EngineEvent();
                ring[i] = e;
                InputCodecTest.randomInput(e, 1 + i % (EventType.COUNT - 1), i);
                e.sequence = i;
                inputs.add(Arrays.copyOf(inputCodec.array(), inputCodec.encode(e)));
            }
            for (int i = 0; i < INPUTS; i++) {
                final EngineEvent e = ring[i];
                final boolean single = left == 0 && Math.min(INPUTS - i, 1 + batches.nextInt(7)) == 1;
                if (single) {
                    try (var dc = plain.writingDocument()) {
                        dc.wire().bytes().write(inputs.get(i));
                    }
                } else {
                    if (left == 0) {
                        left = Math.min(INPUTS - i, 2 + batches.nextInt(6));
                        stage.onBatchStart(left, left);
                    }
                    left--;
                    stage.onEvent(e, i, left == 0);
                }
                if (i % 3 == 0) {
                    final Decisions d = SIDE.decisionsToWrite(e);
                    d.add(DecisionKind.ORDER_NEW, i % 9, i % 2 == 0 ? Side.BUY : Side.SELL, 100 + i, 1 + i % 5, i + 1, 0);
                    decisionJournal.onDecisions(e, SIDE);
                }
            }
            stage.onShutdown();
            plain.close();
            decisionJournal.close();
        }
        // the decisions as the intact queue holds them (the layout version is the journal's choice), each
        // checked against what was written; the damaged queue must deliver a prefix of these
        final DecisionCodec codec = new DecisionCodec();
        final DecisionRecord r = new DecisionRecord();
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            while (reader.next(r)) {
                final long i = 3L * decisions.size();
                assertEquals(i, r.inputSequence, "decision #" + decisions.size() + " of input " + i);
                assertEquals(i + 1, r.clientOrderId, "decision #" + decisions.size());
                assertEquals(100 + i, r.priceTicks, "decision #" + decisions.size());
                decisions.add(Arrays.copyOf(codec.array(), codec.encode(r)));
            }
        }
        assertEquals((INPUTS + 2) / 3, decisions.size(), "every decision journaled");
    }

    @Test
    void shouldReadTheIntactRunCompletely() {
        assertEquals(new Outcome(INPUTS, null), readInputs(run.inputs()));
        assertEquals(new Outcome(decisions.size(), null), readDecisions(run.decisions()));
    }

    @Test
    void shouldDeliverOnlyJournaledEntriesOrOneLineFromADamagedInputsQueue() throws IOException {
        fuzz(run.inputs(), false);
    }

    @Test
    void shouldDeliverOnlyJournaledEntriesOrOneLineFromADamagedDecisionsQueue() throws IOException {
        fuzz(run.decisions(), true);
    }

    private void fuzz(final Path queue, final boolean decisionsQueue) throws IOException {
        final Path file = DamagedQueueTest.queueFile(queue);
        final Path metadata = queue.resolve(Queues.METADATA);
        final byte[] intact = Files.readAllBytes(file);
        final byte[] intactMetadata = Files.readAllBytes(metadata);
        final int used = usedLength(intact);
        // the entries follow the file's header and index: most damage goes there, some anywhere
        final int entries = indexOf(intact, decisionsQueue ? decisions.get(0) : inputs.get(0)) - 4;
        assertTrue(entries > 0, "the first entry is in the queue file");
        final SplittableRandom seeds = new SplittableRandom(SEED + (decisionsQueue ? 1 : 0));
        int refused = 0;
        for (int c = 0; c < CASES; c++) {
            final long seed = seeds.nextLong();
            final SplittableRandom r = new SplittableRandom(seed);
            Files.write(file, intact);
            Files.write(metadata, intactMetadata);
            final int from = r.nextInt(4) == 0 ? 0 : entries;
            final String damage = damage(r, file, metadata, intact, intactMetadata, from, used);
            final String where = "case " + c + " (seed " + seed + ", " + damage + ")";
            try {
                final Outcome outcome = decisionsQueue ? readDecisions(queue) : readInputs(queue);
                if (outcome.error() != null) {
                    refused++;
                    assertOneLineNaming(outcome.error(), queue, where);
                }
                final String inspected = inspect();
                if (inspected != null) {
                    assertOneLineNaming(inspected, queue.getParent(), where);
                }
            } catch (final InternalError e) {
                // The JVM's fault of a read past the end of a mapped file (an entry header damaged to point
                // there), raised by compiled code at the next safepoint check: possibly after the reader
                // returned, so out of its reach. The command line turns it into exit 3 (CliErrorsTest).
                if (!ChronicleFaults.isMappedFileFault(e)) {
                    throw new AssertionError(where + ": " + e, e);
                }
                refused++;
            } catch (final AssertionError | RuntimeException e) {
                throw new AssertionError(where + ": " + e, e);
            }
        }
        assertTrue(refused > CASES / 4, "the damage was noticed in " + refused + " of " + CASES + " cases: too few to test anything");
    }

    /** One random kind of damage to the queue file or its metadata; returns what it did. */
    private static String damage(final SplittableRandom r, final Path file, final Path metadata, final byte[] intact,
                                 final byte[] intactMetadata, final int start, final int used) throws IOException {
        // a damaged metadata file costs Chronicle's lock timeout (half a second) twice: one case in eleven
        final int draw = r.nextInt(11);
        final int kind = draw == 10 ? 5 : draw % 5;
        switch (kind) {
            case 0 -> {
                final byte[] b = intact.clone();
                final int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(start, used)] ^= (byte) (1 + r.nextInt(255));
                }
                Files.write(file, b);
                return flips + " bytes flipped";
            }
            case 1 -> {
                final byte[] b = intact.clone();
                final int from = r.nextInt(start, used);
                final int length = 1 + r.nextInt(256);
                Arrays.fill(b, from, Math.min(b.length, from + length), (byte) 0);
                Files.write(file, b);
                return length + " bytes zeroed at " + from;
            }
            case 2 -> {
                final byte[] b = intact.clone();
                final int length = 1 + r.nextInt(512);
                final int from = r.nextInt(start, used);
                final int to = r.nextInt(start, used);
                System.arraycopy(intact, from, b, to, Math.min(length, Math.min(b.length - from, b.length - to)));
                Files.write(file, b);
                return length + " bytes copied from " + from + " to " + to;
            }
            case 3 -> {
                final long length = r.nextLong(start, Math.max(used + 8192L, intact.length));
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.setLength(length);
                }
                return "cut at " + length + " bytes";
            }
            case 4 -> {
                final byte[] b = intact.clone();
                final int at = r.nextInt(start, used);
                b[at] = (byte) (b[at] == 0 ? 0x7f : 0);
                Files.write(file, b);
                return "byte " + at + " set";
            }
            default -> {
                final byte[] b = intactMetadata.clone();
                final int flips = 1 + r.nextInt(4);
                final int span = Math.min(b.length, usedLength(b));
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(span)] ^= (byte) (1 + r.nextInt(255));
                }
                Files.write(metadata, b);
                return flips + " metadata bytes flipped";
            }
        }
    }

    private Outcome readInputs(final Path queue) {
        final InputCodec codec = new InputCodec();
        final EngineEvent e = new EngineEvent();
        int delivered = 0;
        try (InputJournalReader reader = new InputJournalReader(queue)) {
            while (reader.next(e)) {
                assertTrue(delivered < inputs.size(), "more inputs than were journaled");
                assertArrayEquals(inputs.get(delivered), Arrays.copyOf(codec.array(), codec.encode(e)),
                    "input #" + delivered + " delivered as journaled");
                delivered++;
            }
            return new Outcome(delivered, null);
        } catch (final CorruptJournalException ex) {
            return new Outcome(delivered, ex.getMessage());
        }
    }

    private Outcome readDecisions(final Path queue) {
        final DecisionCodec codec = new DecisionCodec();
        final DecisionRecord d = new DecisionRecord();
        int delivered = 0;
        try (DecisionJournalReader reader = new DecisionJournalReader(queue)) {
            while (reader.next(d)) {
                assertTrue(delivered < decisions.size(), "more decisions than were journaled");
                assertArrayEquals(decisions.get(delivered), Arrays.copyOf(codec.array(), codec.encode(d)),
                    "decision #" + delivered + " delivered as journaled");
                delivered++;
            }
            return new Outcome(delivered, null);
        } catch (final CorruptJournalException ex) {
            return new Outcome(delivered, ex.getMessage());
        }
    }

    /** The inspector's dump and stats of the damaged run: null when both finish, else the error's message. */
    private String inspect() {
        final JournalInspector inspector = new JournalInspector(run);
        try {
            inspector.dump(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Long.MAX_VALUE);
            inspector.stats();
            return null;
        } catch (final CorruptJournalException ex) {
            return ex.getMessage();
        }
    }

    private static void assertOneLineNaming(final String message, final Path where, final String context) {
        assertTrue(message != null && message.lines().count() == 1, context + ": one line: " + message);
        assertTrue(message.contains(where.toString()), context + ": names " + where + ": " + message);
    }

    /** Length of the file up to its last non-zero byte, plus a little (the rest is preallocated zeros). */
    private static int usedLength(final byte[] bytes) {
        int last = bytes.length - 1;
        while (last > 0 && bytes[last] == 0) {
            last--;
        }
        return Math.min(bytes.length, last + 64);
    }

    /** Where {@code needle} first occurs in {@code haystack} (ISO-8859-1 maps each byte to one char), or -1. */
    private static int indexOf(final byte[] haystack, final byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }

    /** Entries delivered before the reader finished or stopped, and its error's message (null when it finished). */
    private record Outcome(int delivered, String error) {
    }
}
