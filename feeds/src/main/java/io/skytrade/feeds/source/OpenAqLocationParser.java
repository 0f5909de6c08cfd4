package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;

import java.util.Set;
import java.util.TreeSet;

/**
 * Parses an OpenAQ v3 {@code /v3/locations/{id}} response into the ids of its PM2.5 sensors that
 * report in µg/m³ ({@code sensors[].parameter.name == "pm25"}); sensors in other units (ppm) are
 * left out rather than converted. The latest-readings rows carry only a sensor id, so this mapping
 * is what tells a PM2.5 row from a NO2 row.
 *
 * <p>Stateless; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenAqLocationParser {
    private static final String NAME = FeedSource.OPENAQ.label();

    /** The PM2.5 sensor ids of every location in the body; fails when there are none. */
    public Set<Long> pm25Sensors(final byte[] body) throws FeedParseException {
        final JsonValue results = Json.parse(NAME, body).require("results");
        final Set<Long> sensors = new TreeSet<>();
        for (int i = 0; i < results.size(); i++) {
            final JsonValue list = results.at(i).get("sensors");
            if (list.isNull()) {
                continue;
            }
            for (int j = 0; j < list.size(); j++) {
                final JsonValue sensor = list.at(j);
                final JsonValue parameter = sensor.require("parameter");
                final JsonValue units = parameter.get("units");
                if ("pm25".equals(parameter.require("name").asString()) && units.isString()
                    && ("\u00b5g/m\u00b3".equals(units.asString()) || "\u03bcg/m\u00b3".equals(units.asString()))) {
                    sensors.add(sensor.require("id").asLong());
                }
            }
        }
        if (sensors.isEmpty()) {
            throw results.problem("no PM2.5 sensor reporting in µg/m³ at this location");
        }
        return sensors;
    }
}
