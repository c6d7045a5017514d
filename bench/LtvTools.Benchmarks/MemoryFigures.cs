namespace LtvTools.Benchmarks;

/// <summary>
/// Memory of one mode, measured in a fresh child process so other modes (and DuckDB's native heap) do not
/// inflate it: the peak working set, and the managed heap after a full collection with the result still alive.
/// </summary>
internal sealed record MemoryFigures(string Mode, long PeakWorkingSetBytes, long GcHeapAfterFullCollectionBytes, long DistinctKeys)
{
    /// <summary>Managed heap per distinct key (customers + distinct visits, images and orders); 0 when not known.</summary>
    public double BytesPerDistinctKey => DistinctKeys > 0 ? (double)GcHeapAfterFullCollectionBytes / DistinctKeys : 0;
}
