package org.trustbench.bench;

/**
 * One row of the benchmark table.
 *
 * @param ours     our figure, or {@code null} when not measured (then {@code note} says why)
 * @param baseline the in-run baseline's figure, or {@code null} when the metric has none
 * @param ratio    the figure the target is about (e.g. ours/baseline throughput), or {@code null}
 * @param target   the target in words, e.g. {@code ratio >= 0.5}
 * @param pass     whether the target is met, {@code null} when it could not be judged
 */
public record Metric(String name, String unit, Double ours, Double baseline, Double ratio, String target, Boolean pass,
                     String note) {

    public static Metric notMeasured(String name, String unit, String target, String why) {
        return new Metric(name, unit, null, null, null, target, null, why);
    }

    /** True when the metric produced a number. */
    public boolean measured() {
        return ours != null;
    }
}
