namespace LtvTools.Benchmarks;

/// <summary>
/// One timed run of a mode: wall and CPU time, and what the garbage collector did meanwhile. The GC figures are
/// the managed heap's (every thread of this process; not DuckDB's native memory).
/// </summary>
internal sealed record Repetition(double Seconds, double CpuSeconds, long AllocatedBytes, double GcPauseSeconds, int Gen0, int Gen1, int Gen2);
