package io.skytrade.feeds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A DataClient that returns a fixed sequence of poll results, polled every millisecond. */
final class ScriptedClient implements DataClient {
    private final List<List<Observation>> polls;
    private final AtomicInteger next = new AtomicInteger();

    ScriptedClient(final List<List<Observation>> polls) {
        this.polls = polls;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public FeedSource source() {
        return FeedSource.EA_FLOOD;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(1);
    }

    @Override
    public CompletableFuture<PollResult> poll() {
        final int i = next.getAndIncrement();
        final List<Observation> obs = i < polls.size() ? polls.get(i) : List.of();
        return CompletableFuture.completedFuture(new PollResult(name(), PollStatus.OK, obs, 0, "", 0));
    }
}
