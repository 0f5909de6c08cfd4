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
          strategy.quoteSize: [5, 10]
          strategy.regimeSpreadScale: [[1.0, 1.5, 2.0]]
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
            "#0 strategy.minEdgeTicks=1 strategy.quoteSize=5 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]",
            "#1 strategy.minEdgeTicks=1 strategy.quoteSize=10 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]",
            "#2 strategy.minEdgeTicks=2 strategy.quoteSize=5 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]",
            "#3 strategy.minEdgeTicks=2 strategy.quoteSize=10 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]",
            "#4 strategy.minEdgeTicks=3 strategy.quoteSize=5 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]",
            "#5 strategy.minEdgeTicks=3 strategy.quoteSize=10 strategy.regimeSpreadScale=[1.0, 1.5, 2.0]"), described);
        assertEquals(2, grid.lines().get("strategy.minEdgeTicks"));
        assertEquals(4, grid.lines().get("strategy.regimeSpreadScale"));
    }

    @Test
    void shouldTurnASetIntoNestedYamlThatOverridesTheBaseConfig() {
        final ParameterSet set = SweepGridReader.parse(GRID, "grid.yaml").parameterSets().get(3);
        final String yaml = set.overrideYaml();
        assertTrue(yaml.startsWith("strategy:\n  minEdgeTicks: 2\n"), yaml);
        final var loaded = new ConfigLoader(Map.of()).loadTexts("strategy:\n  minEdgeTicks: 9\n  takeStd: 0.05\n", yaml);
        assertEquals(2, loaded.config().model().strategy().minEdgeTicks());
        assertEquals(0.05, loaded.config().model().strategy().takeStd(), "base keys the set does not name survive");
        assertEquals(10, loaded.config().model().strategy().quoteSize());
        assertEquals(1.5, loaded.config().model().strategy().regimeSpreadScale()[1]);
    }

    @Test
    void shouldDefaultToSharpeDescendingWithoutWalkForward() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  strategy.quoteSize: [1]\nrankOrder: ascending\n", "g");
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
        assertMessage("parameters:\n  strategy.quoteSize: []\n", "grid.yaml line 2: parameter 'strategy.quoteSize' has an empty list");
        assertMessage("parameters:\n  strategy.quoteSize: 3\n", "grid.yaml line 2: parameter 'strategy.quoteSize' must be a list");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nwalkForward:\n  splits: 0\n",
            "grid.yaml line 4: walkForward.splits 0 must be at least 1");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nwalkForward:\n  splits: two\n",
            "grid.yaml line 4: walkForward.splits 'two' is not a whole number");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nwalkForward:\n  split: 2\n",
            "grid.yaml line 4: unknown key 'walkForward.split'");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nwalkforward: {splits: 2}\n", "grid.yaml line 3: unknown key 'walkforward'");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nrankBy: pnl\n", "grid.yaml: rankBy 'pnl' is not a figure");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\nrankOrder: best\n", "grid.yaml line 3: rankOrder 'best'");
        assertMessage("parameters:\n  strategy: [1]\n  strategy.quoteSize: [1]\n",
            "grid.yaml line 3: parameter 'strategy.quoteSize' overlaps parameter 'strategy'");
        assertMessage("parameters:\n  sizer..maxOrderQty: [1]\n", "grid.yaml line 2: parameter 'sizer..maxOrderQty' is not a dotted");
        assertMessage("parameters:\n  strategy.quoteSize: [1]\n  strategy.quoteSize: [2]\n",
            "grid.yaml line 3: duplicate key 'strategy.quoteSize'");
    }

    @Test
    void shouldNameTheUnknownParameterAndItsLineBeforeAnyBacktest() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  strategy.quoteSize: [1, 2]\n  strategy.bogus: [1]\n", "grid.yaml");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml line 3, parameter 'strategy.bogus', value 1 (in set #0 strategy.quoteSize=1 strategy.bogus=1): "
            + "config key 'strategy.bogus' is unknown"),
            e.getMessage());
    }

    @Test
    void shouldNameTheValueThatFailsValidation() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  strategy.quoteSize: [1, -4]\n", "grid.yaml");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml line 2, parameter 'strategy.quoteSize', value -4 (in set #1 strategy.quoteSize=-4): "), e.getMessage());
    }

    @Test
    void shouldNameTheSetWhoseValuesClashOnlyTogether() {
        final SweepGrid grid = SweepGridReader.parse(
            "parameters:\n  risk.maxPositionFraction: [0.1, 0.5]\n  risk.maxGrossFraction: [0.8, 0.3]\n", "grid.yaml");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid));
        assertTrue(e.getMessage().startsWith("grid.yaml: parameter set #3 risk.maxPositionFraction=0.5 risk.maxGrossFraction=0.3: "),
            e.getMessage());
        assertTrue(e.getMessage().contains("expected >= risk.maxPositionFraction (0.5)"), e.getMessage());
    }

    @Test
    void shouldAcceptAValueThatIsValidOnlyWithTheOtherValuesOfItsSet() {
        final SweepGrid grid = SweepGridReader.parse(
            "parameters:\n  strategy.regimeSpreadScale: [[1.0, 2.0]]\n  strategy.regimeSizeScale: [[1.0, 0.5]]\n", "grid.yaml");
        assertEquals(0.5, SweepConfigs.load(new ConfigLoader(Map.of()), List.of(""), grid).get(0).config().model().strategy()
            .regimeSizeScale()[1]);
    }

    @Test
    void shouldLoadOneConfigPerSetInSetOrder() {
        final SweepGrid grid = SweepGridReader.parse("parameters:\n  strategy.quoteSize: [3, 7]\n", "grid.yaml");
        final var configs = SweepConfigs.load(new ConfigLoader(Map.of()), List.of("sizer:\n  maxPosition: 50\n"), grid);
        assertEquals(2, configs.size());
        assertEquals(3, configs.get(0).config().model().strategy().quoteSize());
        assertEquals(7, configs.get(1).config().model().strategy().quoteSize());
        assertEquals(50, configs.get(1).config().model().sizer().maxPosition());
    }

    private static void assertMessage(final String grid, final String start) {
        final ConfigException e = assertThrows(ConfigException.class, () -> SweepGridReader.parse(grid, "grid.yaml"));
        assertTrue(e.getMessage().startsWith(start), "expected '" + start + "...' but got: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
