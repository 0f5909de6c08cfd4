package io.skytrade.engine.cli;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.engine.calibration.JournalCalibration;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code skytrade calibrate --journal DIR [--config FILE]...}: how well the nowcasts predicted
 * settlement on a recorded journal (a live run, or public readings brought in with
 * {@code journal import}): RMSE, bias, RMS z and 80%-interval coverage per product at 6 h, 2 h,
 * 1 h and 30 min before each settlement the journal covers, the settlements computed from the
 * journal's own readings under the configured rules ({@link JournalCalibration}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Score the nowcasts of a recorded journal against the settlements its own readings imply.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory (runs/<run-id>).")
    Path journal;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration (default: the run's own config); repeatable.")
    List<Path> configs;

    @Override
    public Integer call() {
        final RunDirectory run = RunDirectory.open(journal);
        final ConfigLoader.LoadedConfig loaded = configs == null || configs.isEmpty()
            ? new ConfigLoader(System.getenv()).loadText(run.configYaml()) : ConfigLoader.fromSystemEnv().load(configs);
        final JournalCalibration.Result r;
        try {
            r = new JournalCalibration(loaded.config()).run(run.inputs());
        } catch (final IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        System.out.printf("%s: %,d inputs, %d settlement sessions%n%n", journal, r.inputs(), r.sessions());
        System.out.println("RMSE (RMS z, 80%-interval coverage); 1.00 and 80% when the stated uncertainty is right");
        System.out.println(r.table().markdown(ForecastCalibration.Figure.ALL));
        System.out.println("bias / RMSE");
        System.out.println(r.table().markdown(ForecastCalibration.Figure.BIAS_RMSE));
        return SkytradeCli.EXIT_OK;
    }
}
