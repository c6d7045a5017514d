namespace LtvTools.Core;

/// <summary>Bounds that keep one bad record from costing unbounded memory.</summary>
internal static class RecordLimits
{
    /// <summary>Longest record accepted: a longer line or array element is rejected without being buffered.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>How much of a rejected record is kept as its raw text.</summary>
    public const int MaxRawTextBytes = 4096;
}
