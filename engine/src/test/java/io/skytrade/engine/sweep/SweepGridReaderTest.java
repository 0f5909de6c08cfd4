package io.skytrade.engine.sweep;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepGridReaderTest {
    private static final String GRID = """
        parameters:
          strategy.minEdgeTicks: [1, 2, 3]
          sizer.maxOrderQty: [5, 10]
          strategy.entryThresholds: [[0.2, 0.3, 0.5]]
        walkForward:
          splits: 3
        rankBy: totalReturn
        """;

    @Test
    void shouldBuildTheCartesianProductWithTheLastParameterVaryingFastest() {
        final SweepGrid grid = SweepGridReader.parse(GRID, "grid.yaml");
        assertEquals(3, grid.splits());
        assertTrue(grid.walkForward());
        assertEquals("totalReturn", grid.rankBy());
        assertFalse(grid.ascending());
        final List<ParameterSet> sets = grid.parameterSets();
        assertEquals(6, sets.size());
        final List<String> described = sets.stream().map(ParameterSet::describe).toList();
        assertEquals(List.of(
            "#0 strategy.minEdgeTicks=1 sizer.maxOrderQty=5 strategy.entryThresholds=[0.2, 0.3, 0.5]",
            "#1 strategy.minEdgeTicks=1 sizer.maxOrderQty=10 strategy.entryThresholds=[0.2, 0.3, 0.5]",
            "#2 strategy.minEdgeTicks=2 sizer.maxOrderQty=5 strategy.entryThresholds=[0.2, 0.3, 0.5]",
            "#3 strategy.minEdgeTicks=2 sizer.maxOrderQty=10 strategy.entryThresholds=[0.2, 0.3, 0.5]",
            "#4 strategy.minEdgeTicks=3 sizer.maxOrderQty=5 strategy.entryThresholds=[0.2, 0.3, 0.5]",
            "#5 strategy.minEdgeTicks=3 sizer.maxOrderQty=10 strategy.entryThresholds=[0.2, 0.3, 0.5]"), described);
        assertEquals(2, grid.lines().get("strategy.minEdgeTicks"));
        assertEquals(4, grid.lines().get("strategy.entryThresholds"));
    }

    @Test
    void shouldTurnASetIntoNestedYamlThatOverridesTheBaseConfig() {
        final ParameterSet set = SweepGridReader.parse(GRID, "grid.yaml").parameterSets().get(3);
        final String yaml = set.overrideYaml();
        assertTrue(yaml.startsWith("strategy:\n  minEdgeTicks: 2\n"), yaml);
        final var loaded = new ConfigLoader(Map.of()).loadTexts("strategy:\n  minEdgeTicks: 9\n  exitThreshold: 0.05\n", yaml);
        assertEquals(2, loaded.config().model().strategy().minEdgeTicks());
        assertEquals(0.05, loaded.config().model().strategy().exitThreshold(), "base keys the set does not name survive");
        assertEquals(10, loaded.config().model().sizer().maxOrderQty());
        assertEquals(0.2, loaded.config().model().strategy().entryThresholds()[0]);
    }

    @Test
    void shouldDefaultToSharpeDescendingWithoutWalkForward() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  sizer.maxOrderQty: [1]\nrankOrder: ascending\n", "g");
        assertEquals("sharpe", grid.rankBy());
        assertTrue(grid.ascending());
        assertFalse(grid.walkForward());
        assertEquals(1, grid.parameterSets().size());
    }

    @Test
    void shouldRejectMalformedGridsNamingFileAndLine() {
        assertMessage("parameters:\n  a.b: [1\n", "grid.yaml: not valid YAML");
        assertMessage("", "grid.yaml: the grid file is empty");
        assertMessage("walkForward:\n  splits: 2\n", "grid.yaml: missing 'parameters'");
        assertMessage("parameters: {}\n", "grid.yaml line 1: 'parameters' is empty");
        assertMessage("parameters:\n  sizer.maxOrderQty: []\n", "grid.yaml line 2: parameter 'sizer.maxOrderQty' has an empty list");
        assertMessage("parameters:\n  sizer.maxOrderQty: 3\n", "grid.yaml line 2: parameter 'sizer.maxOrderQty' must be a list");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nwalkForward:\n  splits: 0\n",
            "grid.yaml line 4: walkForward.splits 0 must be at least 1");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nwalkForward:\n  splits: two\n",
            "grid.yaml line 4: walkForward.splits 'two' is not a whole number");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nwalkForward:\n  split: 2\n",
            "grid.yaml line 4: unknown key 'walkForward.split'");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nwalkforward: {splits: 2}\n", "grid.yaml line 3: unknown key 'walkforward'");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nrankBy: pnl\n", "grid.yaml: rankBy 'pnl' is not a figure");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\nrankOrder: best\n", "grid.yaml line 3: rankOrder 'best'");
        assertMessage("parameters:\n  sizer: [1]\n  sizer.maxOrderQty: [1]\n",
            "grid.yaml line 3: parameter 'sizer.maxOrderQty' overlaps parameter 'sizer'");
        assertMessage("parameters:\n  sizer..maxOrderQty: [1]\n", "grid.yaml line 2: parameter 'sizer..maxOrderQty' is not a dotted");
        assertMessage("parameters:\n  sizer.maxOrderQty: [1]\n  sizer.maxOrderQty: [2]\n",
            "grid.yaml line 3: duplicate key 'sizer.maxOrderQty'");
    }

    @Test
    void shouldNameTheUnknownParameterAndItsLineBeforeAnyBacktest() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  sizer.maxOrderQty: [1, 2]\n  strategy.bogus: [1]\n", "grid.yaml");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml line 3, parameter 'strategy.bogus', value 1 (in set #0 sizer.maxOrderQty=1 strategy.bogus=1): "
            + "config key 'strategy.bogus' is unknown"),
            e.getMessage());
    }

    @Test
    void shouldNameTheValueThatFailsValidation() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  sizer.maxOrderQty: [1, -4]\n", "grid.yaml");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml line 2, parameter 'sizer.maxOrderQty', value -4 (in set #1 sizer.maxOrderQty=-4): "), e.getMessage());
    }

    @Test
    void shouldNameTheSetWhoseValuesClashOnlyTogether() {
        final SweepGrid grid = SweepGridReader.parse(
            "parameters:\n  strategy.exitThreshold: [0.1, 0.4]\n  strategy.entryThresholds: [[0.5, 0.5, 0.5], [0.2, 0.5, 0.5]]\n",
            "grid.yaml");
        final String base = "strategy:\n  entryThresholds: [0.5, 0.5, 0.5]\n";
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(base), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml: parameter set #3 strategy.exitThreshold=0.4 strategy.entryThresholds=[0.2, 0.5, 0.5]: "),
            e.getMessage());
        assertTrue(e.getMessage().contains("entryThresholds[0]"), e.getMessage());
    }

    @Test
    void shouldAcceptAValueThatIsValidOnlyWithTheOtherValuesOfItsSet() {
        final SweepGrid grid = SweepGridReader.parse(
            "parameters:\n  strategy.exitThreshold: [0.5]\n  strategy.entryThresholds: [[0.6, 0.7, 0.8]]\n", "grid.yaml");
        assertEquals(0.5, SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid).get(0).config().model().strategy()
            .exitThreshold());
    }

    @Test
    void shouldLoadOneConfigPerSetInSetOrder() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  sizer.maxOrderQty: [3, 7]\n", "grid.yaml");
        final var configs = SweepConfigs.load(new ConfigLoader(Map.of()), List.of("sizer:\n  maxPosition: 50\n"), grid);
        assertEquals(2, configs.size());
        assertEquals(3, configs.get(0).config().model().sizer().maxOrderQty());
        assertEquals(7, configs.get(1).config().model().sizer().maxOrderQty());
        assertEquals(50, configs.get(1).config().model().sizer().maxPosition());
    }

    private static void assertMessage(final String grid, final String start) {
        final ConfigException e = assertThrows(ConfigException.class, () -> SweepGridReader.parse(grid, "grid.yaml"));
        assertTrue(e.getMessage().startsWith(start), "expected '" + start + "...' but got: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
