using System;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>What every part of the dataset counts: accepted events, ignored duplicates and the time span.</summary>
internal sealed class EventCounters
{
    public long Accepted { get; private set; }

    public long Duplicates { get; set; }

    public long EarliestTicks { get; private set; } = long.MaxValue;

    public long LatestTicks { get; private set; } = long.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accept(long ticks)
    {
        Accepted++;
        if (ticks < EarliestTicks)
        {
            EarliestTicks = ticks;
        }

        if (ticks > LatestTicks)
        {
            LatestTicks = ticks;
        }
    }

    /// <summary>Adds another part's counts; duplicates found while merging are counted by the caller.</summary>
    public void Add(EventCounters other)
    {
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        EarliestTicks = Math.Min(EarliestTicks, other.EarliestTicks);
        LatestTicks = Math.Max(LatestTicks, other.LatestTicks);
    }
}
