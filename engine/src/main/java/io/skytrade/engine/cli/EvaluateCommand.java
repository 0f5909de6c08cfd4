package io.skytrade.engine.cli;

import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.backtest.report.ReportTableText;
import io.skytrade.engine.backtest.JsonText;
import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.evaluate.Evaluation;
import io.skytrade.engine.evaluate.EvaluationJson;
import io.skytrade.engine.evaluate.EvaluationPlan;
import io.skytrade.engine.evaluate.EvaluationReport;
import io.skytrade.engine.evaluate.EvaluationTables;
import io.skytrade.engine.evaluate.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code skytrade evaluate --seeds 201-220 [--skill dull|medium|sharp]}: full simulated days of the
 * seeded world, the simulator's venue and the whole engine, in-process on a virtual clock (no wall
 * clock: a day takes seconds), each seed's days journaled for {@code replay --verify}; prints and
 * writes ({@code evaluation.json}, {@code evaluation.txt}, {@code evaluation.html}) PnL, fair-value
 * accuracy, activity and refusals per day and product, and the figures across days; with
 * {@code --compare A.yaml B.yaml} both configurations on the same seeds and their paired difference.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Run full simulated days (seeded world, simulated venue, the whole engine)",
        "in-process as fast as the CPU allows, and measure them: PnL, fair-value",
        "accuracy against the settlement and the market, orders, fills, refusals.",
        "Seeds 1-100 are for development; quote figures from seeds you did not tune on."},
    footer = {"",
        "Day k of a seed runs from --start + k days at --start-hour:00 London to the same",
        "hour the next day (by default noon to noon: one settlement session). A seed's",
        "days run in one engine; with several start hours (--start-hour 0-23) every seed",
        "runs once from each hour, each a cold engine.",
        "Writes DIR/evaluation.json, .txt, .html and, unless --no-journal, the replayable",
        "runs under DIR/runs/. With --compare, DIR/A/ and DIR/B/ hold each one's files",
        "and DIR/comparison.json, .txt, .html the paired differences B - A.",
        "Exit codes: 0 ok, 1 a stage failed during a run, 2 bad usage or configuration."})
final class EvaluateCommand implements Callable<Integer> {
    private static final DateTimeFormatter OUT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String TEXT_FILE = "evaluation.txt";

    @Option(names = "--seeds", required = true, paramLabel = "LIST", description = "World seeds: numbers and ranges, e.g. 201-220 or 1,5,9-12.")
    String seeds;

    @Option(names = "--skill", paramLabel = "SKILL", description = "Market skill (venue.market.skill): dull, medium or sharp (default: the configuration's, medium unless set).")
    String skill;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration (default: the embedded config/default.yaml); repeatable, later files win.")
    List<Path> configs;

    @Option(names = "--days-per-seed", paramLabel = "K", description = "Consecutive days of each seed's world (default: ${DEFAULT-VALUE}).")
    int daysPerSeed = 1;

    @Option(names = "--start", paramLabel = "DATE", description = "London date of the first day (default: 2026-01-10).")
    String start;

    @Option(names = "--start-hour", paramLabel = "H", description = "London hour at which the days start, 0-23 (default: "
        + "${DEFAULT-VALUE}, the settlement); a list or range (0-23) runs every seed once from each hour.")
    String startHour = "12";

    @Option(names = "--workers", paramLabel = "N", description = "Runs at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: evaluations/<UTC yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--no-journal", description = "Do not journal the runs (faster, no disk; the days cannot be replayed).")
    boolean noJournal;

    @Option(names = "--compare", arity = "2", paramLabel = "FILE",
        description = "Run two configurations, A then B (each merged over the base configuration like a last --config file), "
            + "on the same seeds and report the paired difference B - A of daily PnL and of fair-value error.")
    List<Path> compare;

    @Override
    public Integer call() throws IOException {
        final EvaluationPlan plan;
        try {
            final LocalDate startDate = start == null ? EvaluationPlan.DEFAULT_START : LocalDate.parse(start);
            plan = new EvaluationPlan(EvaluationPlan.parseSeeds(seeds), daysPerSeed, startDate, EvaluationPlan.parseHours(startHour),
                skill == null ? null : skill.toLowerCase(Locale.ROOT), workers, !noJournal);
        } catch (final DateTimeParseException e) {
            System.err.println("usage error: --start '" + start + "' is not a date like 2026-01-10");
            return SkytradeCli.EXIT_USAGE;
        } catch (final IllegalArgumentException e) {
            System.err.println("usage error: " + e.getMessage());
            return SkytradeCli.EXIT_USAGE;
        }
        final Path outDir = out != null ? out : Path.of("evaluations", OUT_NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (Files.exists(outDir.resolve(EvaluationJson.FILE)) || Files.exists(outDir.resolve("comparison.json"))) {
            System.err.println("usage error: " + outDir + " already holds an evaluation; choose another --out");
            return SkytradeCli.EXIT_USAGE;
        }
        final ConfigLoader loader = ConfigLoader.fromSystemEnv();
        final List<String> base = baseTexts(loader);
        if (compare != null) {
            return compare(plan, loader, base, outDir);
        }
        System.err.println("evaluate: " + plan.seeds().size() + " seeds x " + plan.startHours().size() + " start hours x "
            + plan.daysPerSeed() + " days on " + plan.workers() + " workers");
        final Evaluation.Result r = evaluate(plan, loader, base, outDir);
        System.out.print(Files.readString(outDir.resolve(TEXT_FILE), StandardCharsets.UTF_8));
        System.out.println("evaluation: " + outDir.resolve(EvaluationJson.FILE));
        System.out.println("report: " + outDir.resolve(EvaluationReport.FILE));
        return exitCode(List.of(r));
    }

    /** Runs the plan on one configuration and writes evaluation.json, evaluation.txt and evaluation.html into {@code dir}. */
    private static Evaluation.Result evaluate(final EvaluationPlan plan, final ConfigLoader loader, final List<String> texts,
                                              final Path dir) throws IOException {
        final Evaluation.Result r = Evaluation.run(plan, loader, texts, dir.resolve("runs"), System.err);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(TEXT_FILE), text(EvaluationTables.all(r)), StandardCharsets.UTF_8);
        EvaluationJson.write(r, dir);
        EvaluationReport.write(EvaluationReport.html(r), dir, EvaluationReport.FILE);
        return r;
    }

    /** A and B on the same plan (each in its own folder), then the paired comparison. */
    private int compare(final EvaluationPlan plan, final ConfigLoader loader, final List<String> base, final Path outDir)
        throws IOException {
        final List<String> a = withFile(loader, base, compare.get(0));
        final List<String> b = withFile(loader, base, compare.get(1));
        System.err.println("evaluate --compare: A = " + compare.get(0) + ", B = " + compare.get(1) + ", each " + plan.seeds().size()
            + " seeds x " + plan.daysPerSeed() + " days on " + plan.workers() + " workers");
        final Evaluation.Result ra = evaluate(plan, loader, a, outDir.resolve("A"));
        final Evaluation.Result rb = evaluate(plan, loader, b, outDir.resolve("B"));
        final PairedComparison c = new PairedComparison(ra, rb);
        final String printed = text(List.of(EvaluationTables.summary(ra), EvaluationTables.summary(rb), c.pnlTable(), c.fairTable()));
        System.out.print(printed);
        Files.writeString(outDir.resolve("comparison.txt"), printed, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("comparison.json"), JsonText.of(c.values()) + "\n", StandardCharsets.UTF_8);
        System.out.println("comparison: " + outDir.resolve("comparison.json"));
        System.out.println("report: " + EvaluationReport.write(EvaluationReport.html(c), outDir, EvaluationReport.COMPARISON_FILE));
        return exitCode(List.of(ra, rb));
    }

    /** The base texts followed by {@code file}'s, checked once so that an error names the file. */
    private static List<String> withFile(final ConfigLoader loader, final List<String> base, final Path file) throws IOException {
        final List<String> texts = new ArrayList<>(base);
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
        try {
            loader.loadTexts(texts.toArray(new String[0]));
        } catch (final ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        return texts;
    }

    private static String text(final List<ReportTable> tables) {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            for (final ReportTable t : tables) {
                ReportTableText.print(t, out);
                out.println();
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private static int exitCode(final List<Evaluation.Result> results) {
        for (final Evaluation.Result r : results) {
            if (r.stageFailures() > 0) {
                System.err.println("error: " + r.stageFailures() + " stage failures during the runs (first: "
                    + r.seeds().stream().filter(s -> s.firstFailure() != null).findFirst().map(s -> "seed " + s.seed() + ": "
                    + s.firstFailure()).orElse("?") + "); the engine entered SAFE where they happened");
                return SkytradeCli.EXIT_VERIFY_FAILED;
            }
        }
        return SkytradeCli.EXIT_OK;
    }

    private List<String> baseTexts(final ConfigLoader loader) throws IOException {
        final List<String> texts = new ArrayList<>();
        if (configs == null || configs.isEmpty()) {
            texts.add(DemoCommand.defaultText());
            return texts;
        }
        loader.load(configs);
        for (final Path file : configs) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
