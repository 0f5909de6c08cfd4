package io.skytrade.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The on-disk layout of one run: {@code <root>/<run-id>/} holding {@code inputs/} and
 * {@code decisions/} (Chronicle queues), {@code config.yaml} (the resolved configuration, secrets
 * redacted), {@code config.sha256} (its hash), {@code run.properties} (run id, layout versions,
 * start time) and, after a clean shutdown, {@code closed.properties} (counts). A run without
 * {@code closed.properties} was killed: its journals are complete up to the last full entry.
 *
 * <p>Start-up, shutdown and tools only.
 */
public final class RunDirectory {
    public static final String INPUTS = "inputs";
    public static final String DECISIONS = "decisions";
    public static final String CONFIG = "config.yaml";
    public static final String CONFIG_HASH = "config.sha256";
    public static final String RUN_PROPERTIES = "run.properties";
    public static final String CLOSED_PROPERTIES = "closed.properties";
    /**
     * {@code run.properties} key: "false" for a run that journaled nothing (a backtest with
     * {@code --no-journal}: its directory keeps only its figures and report).
     */
    public static final String JOURNALED = "journaled";
    /**
     * {@code run.properties} keys of runs whose inputs were written by a tool, not recorded by a
     * running engine, so they hold no journaled decisions to verify: {@code journal import} (the
     * source format) and {@code journal synth} (the generator and its settings).
     */
    public static final String IMPORTED_FROM = "importedFrom";
    public static final String SYNTHETIC = "synthetic";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;

    private RunDirectory(final Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run directory under {@code root} with a fresh run id, writing the redacted
     * config and its hash.
     */
    public static RunDirectory create(final Path root, final String redactedConfigYaml, final Instant startedAt) {
        return create(root, redactedConfigYaml, startedAt, java.util.Map.of());
    }

    /**
     * Creates a new run directory, also recording {@code runProperties} (values a replay needs that
     * are chosen per run, such as the client order id base) in {@code run.properties}.
     */
    public static RunDirectory create(final Path root, final String redactedConfigYaml, final Instant startedAt,
                                      final java.util.Map<String, String> runProperties) {
        final String runId = ID_TIME.format(startedAt) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
        final Path dir = root.resolve(runId).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve(INPUTS));
            Files.createDirectories(dir.resolve(DECISIONS));
            Files.writeString(dir.resolve(CONFIG), redactedConfigYaml, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CONFIG_HASH), sha256(redactedConfigYaml) + "  " + CONFIG + "\n", StandardCharsets.UTF_8);
            final Properties p = new Properties();
            p.setProperty("runId", runId);
            p.setProperty("startedAt", startedAt.toString());
            p.setProperty("inputLayoutVersion", Integer.toString(InputCodec.COMPACT_VERSION));
            p.setProperty("inputBatchLayoutVersion", Integer.toString(InputBatchCodec.COMPACT_VERSION));
            p.setProperty("decisionLayoutVersion", Integer.toString(DecisionCodec.VERSION));
            runProperties.forEach(p::setProperty);
            store(p, dir.resolve(RUN_PROPERTIES));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + FileErrors.describe(e, dir), e);
        }
        return new RunDirectory(dir);
    }

    /**
     * Opens an existing run directory.
     *
     * @throws CorruptJournalException when it lacks its inputs queue or config
     */
    public static RunDirectory open(final Path dir) {
        final Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new CorruptJournalException("run directory " + d + " does not exist");
        }
        if (!Files.isDirectory(d.resolve(INPUTS))) {
            if (Files.isRegularFile(d.resolve(RUN_PROPERTIES)) && "false".equals(new RunDirectory(d).property(JOURNALED, "true"))) {
                throw new CorruptJournalException(d + " holds the figures of a backtest run with --no-journal: it journaled no "
                    + "inputs to replay or backtest; run the backtest again without --no-journal");
            }
            throw new CorruptJournalException(d + " is not a run directory: it has no " + INPUTS + "/ queue");
        }
        return new RunDirectory(d);
    }

    /**
     * The newest run directory under {@code root}: of its subdirectories holding an {@code inputs/}
     * queue, the one whose run id sorts last (ids start with the UTC start time).
     *
     * @throws CorruptJournalException when {@code root} holds no run directory
     */
    public static Path newest(final Path root) {
        final Path r = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(r)) {
            throw new CorruptJournalException("no run directory: " + r + " does not exist (name one with --journal)");
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(r)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve(INPUTS)))
                .max(java.util.Comparator.comparing(d -> d.getFileName().toString()))
                .orElseThrow(() -> new CorruptJournalException("no run directory under " + r + " (name one with --journal)"));
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot list " + r + ": " + FileErrors.describe(e, r), e);
        }
    }

    /**
     * Deletes the {@code inputs/} and {@code decisions/} directories of a run that journaled
     * nothing (they must be empty), so that no tool mistakes it for a replayable run.
     */
    public void removeEmptyQueues() {
        for (final Path queue : new Path[] {inputs(), decisions()}) {
            try {
                Files.deleteIfExists(queue);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot remove the empty queue directory " + queue + ": " + FileErrors.describe(e, queue), e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public Path inputs() {
        return dir.resolve(INPUTS);
    }

    public Path decisions() {
        return dir.resolve(DECISIONS);
    }

    public String runId() {
        return dir.getFileName().toString();
    }

    /** The redacted resolved config of the run; checks it against its recorded hash. */
    public String configYaml() {
        try {
            final String yaml = Files.readString(dir.resolve(CONFIG), StandardCharsets.UTF_8);
            final Path hashFile = dir.resolve(CONFIG_HASH);
            if (Files.exists(hashFile)) {
                final String recorded = Files.readString(hashFile, StandardCharsets.UTF_8).trim().split("\\s+")[0];
                final String actual = sha256(yaml);
                if (!recorded.equals(actual)) {
                    throw new CorruptJournalException(dir.resolve(CONFIG) + " does not match its hash in " + CONFIG_HASH
                        + " (recorded " + recorded + ", actual " + actual + ")");
                }
            }
            return yaml;
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot read " + dir.resolve(CONFIG) + ": " + FileErrors.describe(e, dir.resolve(CONFIG)), e);
        }
    }

    /** A value recorded in {@code run.properties}, or {@code defaultValue} when absent. */
    public String property(final String key, final String defaultValue) {
        final Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(RUN_PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot read " + dir.resolve(RUN_PROPERTIES) + ": " + FileErrors.describe(e, dir.resolve(RUN_PROPERTIES)), e);
        }
        return p.getProperty(key, defaultValue);
    }

    /** True when the run was shut down cleanly. */
    public boolean closedCleanly() {
        return Files.exists(dir.resolve(CLOSED_PROPERTIES));
    }

    /** Writes the clean-shutdown marker with the final counts. */
    public void markClosed(final long inputs, final long decisions, final Instant stoppedAt) {
        final Properties p = new Properties();
        p.setProperty("inputs", Long.toString(inputs));
        p.setProperty("decisions", Long.toString(decisions));
        p.setProperty("stoppedAt", stoppedAt.toString());
        try {
            store(p, dir.resolve(CLOSED_PROPERTIES));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CLOSED_PROPERTIES) + ": " + FileErrors.describe(e, dir.resolve(CLOSED_PROPERTIES)), e);
        }
    }

    private static void store(final Properties p, final Path file) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "skytrade run");
        }
    }

    /** Hex SHA-256 of a UTF-8 string. */
    public static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
