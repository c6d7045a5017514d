namespace LtvTools.Benchmarks;

/// <summary>A ratio the issue sets a target for, and whether this run met it.</summary>
internal sealed record Ratio(string Name, double Value, string Target, bool Met);
