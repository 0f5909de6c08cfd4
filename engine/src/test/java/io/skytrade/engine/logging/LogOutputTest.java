package io.skytrade.engine.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demo run in its own JVM with the production logging configuration: every line it writes to
 * stderr (the log) is one JSON object with timestamp, level, thread, logger, message and key-value
 * list (Logback's JsonEncoder field names), decisions carry their key-values, and stdout keeps the
 * user-facing lines, ending with the run directory.
 */
@Timeout(180)
class LogOutputTest {
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    Path tmp;

    @Test
    void shouldWriteEveryLogLineAsJsonAndKeepUserOutputOnStdout() throws Exception {
        final Path out = tmp.resolve("stdout.txt");
        final Path err = tmp.resolve("stderr.txt");
        final Process demo = DemoProcess.start(tmp.resolve("journal"), out, err, "--duration", "8s");
        assertTrue(demo.waitFor(150, TimeUnit.SECONDS), "the demo did not stop");
        final List<String> stdout = Files.readAllLines(out, StandardCharsets.UTF_8);
        final List<String> log = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), "stdout: " + stdout + "\nstderr: " + log);

        assertFalse(log.isEmpty(), "the demo logged nothing");
        int decisions = 0;
        boolean exchangeListening = false;
        for (final String line : log) {
            final Map<String, Object> event = parseObject(line);
            for (final String key : List.of("timestamp", "level", "threadName", "loggerName", "formattedMessage")) {
                assertTrue(event.containsKey(key), "no " + key + " in " + line);
            }
            if ("decision".equals(event.get("formattedMessage"))) {
                decisions++;
                assertTrue(event.containsKey("kvpList") && line.contains("\"product\"") && line.contains("\"fairValue\"") && line.contains("\"verdict\"")
                    && line.contains("\"sequence\""), line);
            }
            exchangeListening |= "simulated exchange listening".equals(event.get("formattedMessage"));
        }
        assertTrue(exchangeListening, "no start-up event in " + log);
        assertTrue(decisions > 0, "no decision logged in " + log.size() + " lines");

        assertTrue(stdout.stream().anyMatch(l -> l.startsWith("dashboard on http://127.0.0.1:")), stdout.toString());
        assertTrue(stdout.stream().anyMatch(l -> l.startsWith("metrics on http://127.0.0.1:")), stdout.toString());
        assertTrue(stdout.get(stdout.size() - 1).startsWith("run directory: "), stdout.toString());
    }

    /** Parses one line as exactly one JSON object (nothing after it); returns its top-level scalars. */
    private static Map<String, Object> parseObject(final String line) throws IOException {
        final Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("not a JSON object: " + line);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(name, "(structure)");
                } else {
                    fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            if (p.nextToken() != null) {
                throw new AssertionError("more than one JSON value on the line: " + line);
            }
        }
        return fields;
    }
}
