package io.skytrade.exchange.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden check of PROTOCOL.md: every JSON example decodes, re-encodes to exactly the same text
 * (so the documented member order and formats are the venue's), and every type has one.
 */
class ProtocolDocumentTest {
    @Test
    void shouldDocumentEveryMessageTypeWithAnExactExample() throws IOException {
        final String doc = Files.readString(Path.of("PROTOCOL.md"), StandardCharsets.UTF_8);
        final Matcher blocks = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        final ProtocolDecoder decoder = new ProtocolDecoder();
        final ProtocolEncoder encoder = new ProtocolEncoder();
        final ProtocolMessage message = new ProtocolMessage();
        final Set<Integer> documented = new HashSet<>();
        while (blocks.find()) {
            final String example = blocks.group(1).trim();
            try {
                decoder.decode(example, message);
            } catch (final ProtocolDecodeException ex) {
                fail("PROTOCOL.md example does not decode: " + example + " -> " + ex.getMessage());
            }
            assertEquals(example, encoder.encode(message), "example differs from what the venue writes");
            documented.add(message.type);
        }
        for (int type = 1; type < MessageType.COUNT; type++) {
            if (!documented.contains(type)) {
                fail("PROTOCOL.md has no example of " + MessageType.wireName(type));
            }
        }
    }
}
