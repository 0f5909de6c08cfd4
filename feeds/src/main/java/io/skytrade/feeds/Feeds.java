package io.skytrade.feeds;

import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.feeds.client.AeroDataBoxPlanner;
import io.skytrade.feeds.client.EaFloodPlanner;
import io.skytrade.feeds.client.OpenAqPlanner;
import io.skytrade.feeds.client.OpenMeteoAirPlanner;
import io.skytrade.feeds.client.OpenMeteoForecastPlanner;
import io.skytrade.feeds.client.OpenSkyPlanner;
import io.skytrade.feeds.client.OpenSkyTokenProvider;
import io.skytrade.feeds.client.OpenWeatherMapPlanner;
import io.skytrade.feeds.config.FeedsConfig;
import io.skytrade.feeds.config.SourceSettings;
import io.skytrade.feeds.http.AsyncHttp;
import io.skytrade.feeds.http.Backoff;
import io.skytrade.feeds.http.HttpDataClient;
import io.skytrade.feeds.http.RawResponseStore;
import io.skytrade.feeds.http.RedactingFeedLog;
import io.skytrade.feeds.http.Redactor;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.http.ResponseCache;
import io.skytrade.feeds.http.SecretEnv;
import io.skytrade.feeds.synthetic.AnnouncedCapacitySource;
import io.skytrade.feeds.synthetic.ObservableWorld;
import io.skytrade.feeds.synthetic.SeededWorld;
import io.skytrade.feeds.synthetic.SyntheticSource;
import io.skytrade.feeds.synthetic.SyntheticSourceSpec;
import okhttp3.OkHttpClient;
import org.agrona.concurrent.EpochNanoClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Composition root of the feeds module: builds the configured {@link DataClient}s (live HTTP
 * sources when {@code config.live()}, otherwise the offline synthetic sources over an
 * {@link ObservableWorld}), sharing one OkHttp client, one response cache, one raw store and one
 * {@link Redactor}. Secrets are read here, once, from the given environment map by the variable
 * names in the config. Close it to stop OkHttp's threads.
 *
 * <p>Thread-safety: build and close from one thread; the clients are safe as documented on
 * {@link DataClient}. Cost: start-up only.
 */
public final class Feeds implements AutoCloseable {
    private final List<DataClient> clients;
    private final Redactor redactor;
    private final FeedLog log;
    private final OkHttpClient okHttp;

    private Feeds(final List<DataClient> clients, final Redactor redactor, final FeedLog log, final OkHttpClient okHttp) {
        this.clients = List.copyOf(clients);
        this.redactor = redactor;
        this.log = log;
        this.okHttp = okHttp;
    }

    /**
     * Builds the feeds; offline sources observe a {@link SeededWorld} seeded from the config.
     *
     * @param environment where secrets are looked up by name ({@code System.getenv()} in production)
     */
    public static Feeds create(final FeedsConfig config, final InstrumentRegistry registry, final Map<String, String> environment,
                               final EpochNanoClock clock, final FeedLog log) {
        return create(config, registry, environment, clock, log, new SeededWorld(config.synthetic().seed()));
    }

    /** As {@link #create(FeedsConfig, InstrumentRegistry, Map, EpochNanoClock, FeedLog)} with the engine's own world. */
    public static Feeds create(final FeedsConfig config, final InstrumentRegistry registry, final Map<String, String> environment,
                               final EpochNanoClock clock, final FeedLog log, final ObservableWorld world) {
        final SeriesIds ids = SeriesIds.resolve(registry);
        final Redactor redactor = new Redactor();
        final FeedLog safeLog = new RedactingFeedLog(log, redactor);
        if (!config.live()) {
            final List<DataClient> clients = new ArrayList<>();
            for (final SyntheticSourceSpec spec : SyntheticSourceSpec.defaults()) {
                clients.add(new SyntheticSource(spec, ids, world, config.synthetic().seed(), config.synthetic().noiseScale(),
                    clock, config.synthetic().pollInterval()));
            }
            if (ids.hasCapacity()) {
                clients.add(new AnnouncedCapacitySource(ids, world, clock, config.synthetic().pollInterval()));
            }
            return new Feeds(clients, redactor, safeLog, null);
        }
        final SecretEnv secrets = new SecretEnv(environment, redactor);
        final OkHttpClient base = new OkHttpClient.Builder().followRedirects(true).retryOnConnectionFailure(false).build();
        final Builder b = new Builder(config, base, clock, redactor, safeLog);
        if (config.openMeteo().http().enabled()) {
            final SourceSettings s = config.openMeteo().http();
            b.add(FeedSource.OPEN_METEO_FORECAST, s, http -> new OpenMeteoForecastPlanner(config.openMeteo(), ids, secrets.read(s.keyEnvVar())));
        }
        if (config.openWeatherMap().http().enabled()) {
            final SourceSettings s = config.openWeatherMap().http();
            b.add(FeedSource.OPENWEATHERMAP, s, http -> new OpenWeatherMapPlanner(config.openWeatherMap(), ids, secrets.read(s.keyEnvVar())));
        }
        if (config.openMeteoAir().http().enabled()) {
            final SourceSettings s = config.openMeteoAir().http();
            b.add(FeedSource.OPEN_METEO_AIR, s, http -> new OpenMeteoAirPlanner(config.openMeteoAir(), ids, secrets.read(s.keyEnvVar())));
        }
        if (config.openAq().http().enabled()) {
            final SourceSettings s = config.openAq().http();
            b.add(FeedSource.OPENAQ, s, http -> new OpenAqPlanner(config.openAq(), ids, http, secrets.read(s.keyEnvVar())));
        }
        if (config.aeroDataBox().http().enabled()) {
            final SourceSettings s = config.aeroDataBox().http();
            b.add(FeedSource.AERODATABOX, s, http -> new AeroDataBoxPlanner(config.aeroDataBox(), ids, secrets.read(s.keyEnvVar())));
        }
        if (config.openSky().http().enabled()) {
            final SourceSettings s = config.openSky().http();
            final String series = config.openSky().airborneSeries();
            final int airborne = series.isEmpty() ? -1 : registry.requireSeries(series);
            b.add(FeedSource.OPENSKY, s, http -> {
                final String clientId = secrets.read(s.keyEnvVar());
                final String clientSecret = secrets.read(config.openSky().clientSecretEnvVar());
                final OpenSkyTokenProvider tokens = clientId != null && clientSecret != null
                    ? new OpenSkyTokenProvider(http, config.openSky().tokenUrl(), clientId, clientSecret, clock) : null;
                return new OpenSkyPlanner(config.openSky(), ids, airborne, tokens);
            });
        }
        if (config.eaFlood().http().enabled()) {
            final SourceSettings s = config.eaFlood().http();
            b.add(FeedSource.EA_FLOOD, s, http -> new EaFloodPlanner(config.eaFlood(), ids));
        }
        return new Feeds(b.clients, redactor, safeLog, base);
    }

    /** The clients, in a fixed order. */
    public List<DataClient> clients() {
        return clients;
    }

    /** The redactor holding every secret read; pass messages through it before writing them anywhere. */
    public Redactor redactor() {
        return redactor;
    }

    /** The redacting log the clients write to. */
    public FeedLog log() {
        return log;
    }

    /** A scheduler polling every client into {@code publisher}; start it, and close it before this. */
    public FeedScheduler scheduler(final ObservationPublisher publisher) {
        return new FeedScheduler(clients, publisher, log);
    }

    @Override
    public void close() {
        for (final DataClient c : clients) {
            c.close();
        }
        if (okHttp != null) {
            okHttp.dispatcher().cancelAll();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    /** Makes a planner once the source's async HTTP is known. */
    @FunctionalInterface
    private interface PlannerFactory {
        RequestPlanner create(AsyncHttp http);
    }

    /** Collects HTTP clients sharing one OkHttp base, cache and raw store. */
    private static final class Builder {
        private final FeedsConfig config;
        private final OkHttpClient base;
        private final EpochNanoClock clock;
        private final Redactor redactor;
        private final FeedLog log;
        private final ResponseCache cache;
        private final RawResponseStore raw;
        private final List<DataClient> clients = new ArrayList<>();

        Builder(final FeedsConfig config, final OkHttpClient base, final EpochNanoClock clock, final Redactor redactor, final FeedLog log) {
            this.config = config;
            this.base = base;
            this.clock = clock;
            this.redactor = redactor;
            this.log = log;
            this.cache = new ResponseCache(config.cacheDir());
            this.raw = new RawResponseStore(config.rawDir(), config.keepRaw());
        }

        void add(final FeedSource source, final SourceSettings settings, final PlannerFactory planner) {
            final Duration timeout = settings.timeout();
            final OkHttpClient client = base.newBuilder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build();
            final AsyncHttp http = new AsyncHttp(client, config.maxBodyBytes());
            final Backoff backoff = new Backoff(config.backoffInitial().toNanos(), config.backoffMax().toNanos());
            clients.add(new HttpDataClient(source.label(), source, settings.pollInterval(), planner.create(http), http, cache, raw,
                backoff, clock, redactor, log));
        }
    }
}
