package io.skytrade.engine.cli;

import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.backtest.report.ReportTableText;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.evaluate.Evaluation;
import io.skytrade.engine.evaluate.EvaluationJson;
import io.skytrade.engine.evaluate.EvaluationPlan;
import io.skytrade.engine.evaluate.EvaluationTables;
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
 * writes ({@code evaluation.json}, {@code evaluation.txt}) PnL, fair-value accuracy, activity and
 * refusals per day and product, and the figures across days.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Run N full simulated days (seeded world + simulated venue + the whole engine) in-process, as fast as the CPU",
        "allows, and measure them: PnL, fair-value accuracy against settlement and the market, orders, fills, refusals.",
        "Seeds 1-100 are for development; quote figures from seeds you did not tune on (e.g. 201-220)."},
    footer = {"",
        "Day k of every seed runs from --start + k days at --start-hour:00 London to the same hour the next day; with the",
        "default hour 12 a day is one settlement session. Each seed's days run in one engine (warm from day to day).",
        "Writes DIR/evaluation.json, DIR/evaluation.txt and, unless --no-journal, DIR/runs/seed-N/<run>/ (replayable).",
        "Exit codes: 0 ok, 1 a stage failed during a run, 2 bad usage or configuration."})
final class EvaluateCommand implements Callable<Integer> {
    private static final DateTimeFormatter OUT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Option(names = "--seeds", required = true, paramLabel = "LIST", description = "World seeds: numbers and ranges, e.g. 201-220 or 1,5,9-12.")
    String seeds;

    @Option(names = "--skill", paramLabel = "SKILL", description = "Market skill (venue.market.skill): dull, medium or sharp (default: as configured).")
    String skill;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration (default: the embedded config/default.yaml); repeatable, later files win.")
    List<Path> configs;

    @Option(names = "--days-per-seed", paramLabel = "K", description = "Consecutive days of each seed's world (default: ${DEFAULT-VALUE}).")
    int daysPerSeed = 1;

    @Option(names = "--start", paramLabel = "DATE", description = "London date of the first day (default: 2026-01-10).")
    String start;

    @Option(names = "--start-hour", paramLabel = "H", description = "London hour at which every day starts, 0-23 (default: ${DEFAULT-VALUE}, the settlement).")
    int startHour = 12;

    @Option(names = "--workers", paramLabel = "N", description = "Seeds run at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: evaluations/<UTC yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--no-journal", description = "Do not journal the runs (faster, no disk; the days cannot be replayed).")
    boolean noJournal;

    @Override
    public Integer call() throws IOException {
        final EvaluationPlan plan;
        try {
            final LocalDate startDate = start == null ? EvaluationPlan.DEFAULT_START : LocalDate.parse(start);
            plan = new EvaluationPlan(EvaluationPlan.parseSeeds(seeds), daysPerSeed, startDate, startHour,
                skill == null ? null : skill.toLowerCase(Locale.ROOT), workers, !noJournal);
        } catch (final DateTimeParseException e) {
            System.err.println("usage error: --start '" + start + "' is not a date like 2026-01-10");
            return SkytradeCli.EXIT_USAGE;
        } catch (final IllegalArgumentException e) {
            System.err.println("usage error: " + e.getMessage());
            return SkytradeCli.EXIT_USAGE;
        }
        final Path outDir = out != null ? out : Path.of("evaluations", OUT_NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (Files.exists(outDir.resolve(EvaluationJson.FILE))) {
            System.err.println("usage error: " + outDir + " already holds an " + EvaluationJson.FILE + "; choose another --out");
            return SkytradeCli.EXIT_USAGE;
        }
        final ConfigLoader loader = ConfigLoader.fromSystemEnv();
        final List<String> base = baseTexts(loader);
        System.err.println("evaluate: " + plan.seeds().size() + " seeds x " + plan.daysPerSeed() + " days on " + plan.workers()
            + " workers");
        final Evaluation.Result r = Evaluation.run(plan, loader, base, outDir.resolve("runs"), System.err);
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream tables = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            for (final ReportTable t : EvaluationTables.all(r)) {
                ReportTableText.print(t, tables);
                tables.println();
            }
        }
        final String printed = text.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("evaluation.txt"), printed, StandardCharsets.UTF_8);
        System.out.println("evaluation: " + EvaluationJson.write(r, outDir));
        if (r.stageFailures() > 0) {
            System.err.println("error: " + r.stageFailures() + " stage failures during the runs (first: "
                + r.seeds().stream().filter(s -> s.firstFailure() != null).findFirst().map(s -> "seed " + s.seed() + ": "
                + s.firstFailure()).orElse("?") + "); the engine entered SAFE where they happened");
            return SkytradeCli.EXIT_VERIFY_FAILED;
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
