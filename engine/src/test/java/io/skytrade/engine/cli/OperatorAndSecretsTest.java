package io.skytrade.engine.cli;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.ControlServer;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live run with dummy secrets in its environment and the control channel on: the operator puts
 * the engine in SAFE and resumes it over the channel; the journal holds both commands, replay
 * reproduces them, and no secret appears in any output or file of the run.
 */
@Tag("integration")
@Timeout(120)
class OperatorAndSecretsTest {
    private static final String VENUE_KEY = "sk-dummy-venue-4242";
    private static final String OWM_KEY = "owm-dummy-key-5151";
    private static final String CTL_TOKEN = "ctl-dummy-token-6363";

    @TempDir
    Path tmp;

    @Test
    void shouldObeyOperatorCommandsAndNeverWriteSecrets() throws Exception {
        final Map<String, String> env = Map.of("SKYTRADE_API_KEY", VENUE_KEY, "OPENWEATHER_API_KEY", OWM_KEY,
            ControlServer.TOKEN_ENV, CTL_TOKEN, "MY_VENUE_API_KEY", VENUE_KEY);
        final io.skytrade.engine.config.ConfigException refused = org.junit.jupiter.api.Assertions.assertThrows(
            io.skytrade.engine.config.ConfigException.class, () -> new ConfigLoader(env).loadText(
                "venue:\n  mode: ${MY_VENUE_API_KEY}\n"));
        assertFalse(refused.getMessage().contains(VENUE_KEY), refused.getMessage());
        final ConfigLoader.LoadedConfig ok = new ConfigLoader(env).loadText(TestConfigs.FAST_CONFIG + "control:\n  port: 0\n");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(ok, tmp, new PrintStream(out, true, StandardCharsets.UTF_8), env);
        final List<String> replies = new ArrayList<>();
        try {
            live.awaitStop(1_000_000_000L);
            final int port = live.controlPort();
            assertTrue(port > 0, out.toString(StandardCharsets.UTF_8));
            assertTrue(CtlCommand.send(port, "wrong-token", "status").startsWith("error: unauthorised"));
            replies.add(CtlCommand.send(port, CTL_TOKEN, "safe"));
            replies.add(statusOnceItSays(port, "mode SAFE", true));
            replies.add(CtlCommand.send(port, CTL_TOKEN, "resume"));
            replies.add(statusOnceItSays(port, "mode SAFE", false));
            replies.add(CtlCommand.send(port, CTL_TOKEN, "launch"));
        } finally {
            live.close();
        }
        assertTrue(replies.get(0).startsWith("ok: SAFE requested"), replies.toString());
        assertTrue(replies.get(1).contains("mode SAFE"), replies.toString());
        assertTrue(replies.get(2).startsWith("ok: RESUME requested"), replies.toString());
        assertFalse(replies.get(3).contains("mode SAFE"), replies.toString());
        assertTrue(replies.get(4).startsWith("error: unknown command 'launch'"), replies.toString());

        final RunDirectory run = RunDirectory.open(live.runDirectory().dir());
        final List<Integer> controls = new ArrayList<>();
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            while (reader.next(e)) {
                if (e.type == EventType.CONTROL) {
                    controls.add(e.controlCode);
                }
            }
        }
        assertEquals(List.of(ControlCode.SAFE, ControlCode.RESUME), controls);
        final ReplayRunner.Result r = new ReplayRunner(run, Map.of()).replay(true);
        assertEquals(0, r.differences(), r.firstDifference());

        final String printed = out.toString(StandardCharsets.UTF_8) + String.join("\n", replies);
        for (final String secret : List.of(VENUE_KEY, OWM_KEY, CTL_TOKEN)) {
            assertFalse(printed.contains(secret), "output shows a secret");
            assertFalse(anyFileContains(run.dir(), secret), "a run file holds a secret");
        }
    }

    /** Polls the status (at most 30 s) until it contains {@code text} (or no longer does); returns that status. */
    private static String statusOnceItSays(final int port, final String text, final boolean contains) {
        final AtomicReference<String> status = new AtomicReference<>("");
        await("ctl status " + (contains ? "saying " : "no longer saying ") + text).atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100)).until(() -> {
                status.set(CtlCommand.send(port, CTL_TOKEN, "status"));
                return status.get().contains(text) == contains;
            });
        return status.get();
    }

    private static boolean anyFileContains(final Path dir, final String secret) throws IOException {
        final byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                final byte[] bytes = Files.readAllBytes(p);
                outer:
                for (int i = 0; i <= bytes.length - needle.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
