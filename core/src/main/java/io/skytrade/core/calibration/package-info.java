/**
 * Measuring forecasts against outcomes: bias, RMSE and calibration (RMS of standardised errors,
 * coverage of the central 80% interval) per product and horizon. Tools and tests only; nothing here
 * runs on the engine's hot path.
 */
package io.skytrade.core.calibration;
