package io.skytrade.engine.cli;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.exchange.fuzz.VenueFuzzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code skytrade fuzz-venue}: the long run of the simulator's protocol fuzzer ({@link VenueFuzzer}):
 * repetitions of concurrent clients sending valid and mutated frames, each against a fresh
 * simulator on loopback, with one line per repetition (frames, connections, errors answered, time,
 * wedged or not) and a total. Exit 0 when every repetition passed, 1 naming the first failure.
 */
@Command(name = "fuzz-venue", mixinStandardHelpOptions = true,
    description = "Fuzz the simulated exchange's protocol over loopback: concurrent clients, mutated frames, re-logins, abrupt closes.")
final class FuzzVenueCommand implements Callable<Integer> {
    @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients = 4;

    @Option(names = "--frames", paramLabel = "N", description = "Frames each client sends per repetition (default: ${DEFAULT-VALUE}).")
    int frames = 25_000;

    @Option(names = "--repeat", paramLabel = "N", description = "Repetitions, each on a fresh simulator (default: ${DEFAULT-VALUE}).")
    int repeat = 10;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the first repetition; the next ones add 1 (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--valid-share", paramLabel = "P", description = "Share of frames sent unmutated (default: ${DEFAULT-VALUE}).")
    double validShare = 0.5;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Deadline of one repetition (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 600;

    @Override
    public Integer call() throws InterruptedException {
        final VenueFuzzer.Settings first;
        try {
            first = new VenueFuzzer.Settings(seed, clients, frames, validShare, timeoutSeconds * 1000);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        if (repeat < 1) {
            throw new ConfigException("--repeat " + repeat + ": expected at least 1");
        }
        System.out.printf("fuzz-venue: %d repetitions of %d clients x %,d frames (%.0f%% valid), seeds %d..%d%n", repeat, clients,
            frames, validShare * 100, seed, seed + repeat - 1);
        long totalFrames = 0;
        long totalNanos = 0;
        int wedges = 0;
        String firstFailure = null;
        for (int r = 0; r < repeat; r++) {
            final VenueFuzzer.Result x = VenueFuzzer.run(new VenueFuzzer.Settings(seed + r, clients, frames, validShare,
                first.timeoutMillis()));
            totalFrames += x.frames();
            totalNanos += x.wallNanos();
            wedges += x.wedged() ? 1 : 0;
            System.out.printf("seed %d: %,d frames (%d invalid UTF-8, %d binary, %d over 1 MiB) in %.1f s, %,d connections "
                    + "(%d closed by the venue, %d dropped by the client), %d probes with every bad frame answered (%,d errors), "
                    + "%,d problems logged or counted, wedged %s: %s%n",
                x.seed(), x.frames(), x.invalidUtf8(), x.binary(), x.oversized(), x.wallNanos() / 1e9, x.connections(),
                x.closedByVenue(), x.droppedByClient(), x.episodesChecked(), x.decodeErrors(), x.problemsLogged(),
                x.wedged() ? "YES" : "no", x.passed() ? "passed" : "FAILED: " + x.failure());
            if (!x.passed() && firstFailure == null) {
                firstFailure = "seed " + x.seed() + ": " + x.failure();
            }
        }
        System.out.printf("fuzz-venue: %,d frames in %.1f s over %d repetitions, wedges %d, %s%n", totalFrames, totalNanos / 1e9,
            repeat, wedges, firstFailure == null ? "every repetition passed" : "FAILED");
        if (firstFailure != null) {
            System.err.println("fuzz-venue FAILED: " + firstFailure);
            return SkytradeCli.EXIT_VERIFY_FAILED;
        }
        return SkytradeCli.EXIT_OK;
    }
}
