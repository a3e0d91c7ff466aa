package dev.wasmcore.cli.bench;

/**
 * What one run of an external command cost: wall time from spawn to exit, CPU time of the process and its children
 * (user + system), and peak resident set size, as GNU time reports them ({@code -1} when unknown).
 *
 * @param wallMs wall-clock milliseconds, measured by the benchmark around spawn and exit
 * @param cpuMs user + system CPU milliseconds
 * @param maxRssKb peak resident set size in KiB
 * @param exitCode the command's exit status
 * @param stdout what the command printed
 */
public record ProcessMeasurement(double wallMs, double cpuMs, long maxRssKb, int exitCode, String stdout) {}
