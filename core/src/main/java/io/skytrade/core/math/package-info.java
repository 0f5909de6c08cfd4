/**
 * Numerical helpers shared by the stages: Java ports of the {@code StrictMath} functions that are
 * JNI natives on Java 17 ({@link io.skytrade.core.math.FdlibmPort}), bit for bit the same results.
 */
package io.skytrade.core.math;
