package io.skytrade.core.calibration;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy and calibration of forecasts with a stated uncertainty, per row (a product or series)
 * and column (a horizon before the outcome): count, bias (mean of forecast - outcome), RMSE, RMS z
 * (root mean square of (forecast - outcome) / stated standard deviation: 1 when the stated
 * uncertainty matches the errors, above 1 over-confident, below 1 too cautious) and the coverage
 * of the forecast's central 80% interval (0.8 when calibrated): the forecast distribution's own
 * 10% and 90% quantiles where it states them ({@link #add(int, int, double, double, double, double, double)}:
 * a skewed or heavy-tailed distribution, such as a flight count's with disruptions to come),
 * forecast +- {@value #Z80} std for a Gaussian forecast ({@link #add(int, int, double, double, double)}). A point forecast
 * without a stated uncertainty (a market mid, its running mean) counts in the bias and RMSE only
 * ({@link #addPoint}). Shared by the nowcast accuracy tests and {@code nowcast accuracy}, the
 * simulated market's skill measurement, the real-data calibration and {@code evaluate}'s fair-value
 * tables, so every table in the docs means the same thing.
 *
 * <p>Mutable, not thread-safe. Not for the hot path (tools and tests); no allocation per sample.
 */
public final class ForecastCalibration {
    /** Half-width of the central 80% interval of a normal distribution, in standard deviations. */
    public static final double Z80 = 1.2815515655446004;

    private final List<String> rows;
    private final List<String> columns;
    private final long[][] n;
    private final double[][] sum;
    private final double[][] sumSquares;
    private final double[][] sumZ2;
    private final long[][] stated;
    private final long[][] covered;

    /** An empty table with these row and column names. */
    public ForecastCalibration(final List<String> rows, final List<String> columns) {
        if (rows.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException("a calibration table needs at least one row and one column");
        }
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        n = new long[rows.size()][columns.size()];
        sum = new double[rows.size()][columns.size()];
        sumSquares = new double[rows.size()][columns.size()];
        sumZ2 = new double[rows.size()][columns.size()];
        stated = new long[rows.size()][columns.size()];
        covered = new long[rows.size()][columns.size()];
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * Records one forecast of {@code outcome}: {@code forecast} with stated standard deviation
     * {@code std} (0 counts as a point forecast: its z is infinite unless it is exact).
     *
     * @throws IllegalArgumentException when a value is not finite or the std is negative
     */
    public void add(final int row, final int column, final double forecast, final double std, final double outcome) {
        add(row, column, forecast, std, forecast - Z80 * std, forecast + Z80 * std, outcome);
    }

    /**
     * Records one forecast of {@code outcome}: {@code forecast} (the distribution's mean) with
     * stated standard deviation {@code std} and central 80% interval {@code [low80, high80]} (the
     * distribution's own 10% and 90% quantiles): the RMS z uses the std, the coverage the interval.
     *
     * @throws IllegalArgumentException when a value is not finite, the std is negative or the
     *                                  interval is reversed
     */
    public void add(final int row, final int column, final double forecast, final double std, final double low80,
                    final double high80, final double outcome) {
        if (!Double.isFinite(forecast) || !Double.isFinite(outcome) || !(std >= 0) || Double.isInfinite(std)
            || !Double.isFinite(low80) || !Double.isFinite(high80) || low80 > high80) {
            throw new IllegalArgumentException(rows.get(row) + " at " + columns.get(column) + ": forecast " + forecast
                + ", std " + std + ", 80% interval [" + low80 + ", " + high80 + "], outcome " + outcome
                + ": expected finite values, a std >= 0 and an interval low <= high");
        }
        final double error = forecast - outcome;
        n[row][column]++;
        sum[row][column] += error;
        sumSquares[row][column] += error * error;
        stated[row][column]++;
        sumZ2[row][column] += error == 0 ? 0 : error * error / (std * std);
        if (outcome >= low80 && outcome <= high80) {
            covered[row][column]++;
        }
    }

    /**
     * Records one point forecast of {@code outcome}, without a stated uncertainty: it counts in the
     * cell's count, bias and RMSE, not in its RMS z or coverage.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public void addPoint(final int row, final int column, final double forecast, final double outcome) {
        if (!Double.isFinite(forecast) || !Double.isFinite(outcome)) {
            throw new IllegalArgumentException(rows.get(row) + " at " + columns.get(column) + ": forecast " + forecast
                + ", outcome " + outcome + ": expected finite values");
        }
        final double error = forecast - outcome;
        n[row][column]++;
        sum[row][column] += error;
        sumSquares[row][column] += error * error;
    }

    /** Adds every sample of {@code other} (same rows and columns). */
    public void addAll(final ForecastCalibration other) {
        if (!rows.equals(other.rows) || !columns.equals(other.columns)) {
            throw new IllegalArgumentException("calibration tables with different rows or columns");
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                n[r][c] += other.n[r][c];
                sum[r][c] += other.sum[r][c];
                sumSquares[r][c] += other.sumSquares[r][c];
                sumZ2[r][c] += other.sumZ2[r][c];
                stated[r][c] += other.stated[r][c];
                covered[r][c] += other.covered[r][c];
            }
        }
    }

    public long count(final int row, final int column) {
        return n[row][column];
    }

    /** Mean of forecast - outcome; NaN without samples. */
    public double bias(final int row, final int column) {
        return sum[row][column] / n[row][column];
    }

    /** Root mean square of forecast - outcome; NaN without samples. */
    public double rmse(final int row, final int column) {
        return Math.sqrt(sumSquares[row][column] / n[row][column]);
    }

    /** Root mean square of (forecast - outcome) / std over the forecasts with a stated std; NaN without them. */
    public double rmsZ(final int row, final int column) {
        return Math.sqrt(sumZ2[row][column] / stated[row][column]);
    }

    /** Share of outcomes inside their forecast's central 80% interval over the forecasts with a stated std; NaN without them. */
    public double coverage80(final int row, final int column) {
        return (double) covered[row][column] / stated[row][column];
    }

    /** The figure a table shows. */
    public enum Figure {
        /** RMSE, in the row's unit. */
        RMSE,
        /** bias/RMSE. */
        BIAS_RMSE,
        /** RMS z. */
        RMS_Z,
        /** 80%-interval coverage, percent. */
        COVERAGE_80,
        /** RMSE, RMS z and coverage in one cell. */
        ALL
    }

    /** A Markdown table of {@code figure}, one row per row and one column per column; "-" where there are no samples. */
    public String markdown(final Figure figure) {
        final StringBuilder b = new StringBuilder("| |");
        for (final String c : columns) {
            b.append(' ').append(c).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(columns.size()));
        b.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            b.append("| ").append(rows.get(r)).append(" |");
            for (int c = 0; c < columns.size(); c++) {
                b.append(' ').append(n[r][c] == 0 ? "-" : cell(figure, r, c)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private String cell(final Figure figure, final int r, final int c) {
        return switch (figure) {
            case RMSE -> number(rmse(r, c));
            case BIAS_RMSE -> number(bias(r, c)) + " / " + number(rmse(r, c));
            case RMS_Z -> String.format(Locale.ROOT, "%.2f", rmsZ(r, c));
            case COVERAGE_80 -> String.format(Locale.ROOT, "%.0f%%", 100 * coverage80(r, c));
            case ALL -> stated[r][c] == 0 ? number(rmse(r, c))
                : number(rmse(r, c)) + String.format(Locale.ROOT, " (z %.2f, %.0f%%)", rmsZ(r, c), 100 * coverage80(r, c));
        };
    }

    /** Three significant figures for small values, whole numbers from 100 up. */
    private static String number(final double v) {
        final double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
            : a >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
