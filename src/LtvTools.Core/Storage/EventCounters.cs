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

    public void CopyFrom(EventCounters other)
    {
        Accepted = other.Accepted;
        Duplicates = other.Duplicates;
        EarliestTicks = other.EarliestTicks;
        LatestTicks = other.LatestTicks;
    }

    /// <summary>Writes the counts (see <see cref="Read"/>).</summary>
    public void Write(DatasetEncoder output)
    {
        output.WriteVarint((ulong)Accepted);
        output.WriteVarint((ulong)Duplicates);
        output.WriteUInt64((ulong)EarliestTicks);
        output.WriteUInt64((ulong)LatestTicks);
    }

    /// <summary>Reads counts written by <see cref="Write"/>.</summary>
    public void Read(DatasetDecoder input)
    {
        Accepted = (long)input.ReadVarint();
        Duplicates = (long)input.ReadVarint();
        EarliestTicks = (long)input.ReadUInt64();
        LatestTicks = (long)input.ReadUInt64();
        var inRange = Accepted == 0 || (EarliestTicks >= 0 && EarliestTicks <= LatestTicks && LatestTicks <= DateTime.MaxValue.Ticks);
        if (Accepted < 0 || Duplicates < 0 || Duplicates > Accepted || !inRange)
        {
            throw new System.IO.InvalidDataException("the event counters do not add up");
        }
    }

    /// <summary>
    /// Checks, after reading, that <paramref name="distinct"/> things were read and each of their times lies
    /// in the counted span: the counts and the things must tell the same story.
    /// </summary>
    public void CheckAfterRead(long distinct, long earliestRead, long latestRead)
    {
        if (distinct > Accepted - Duplicates || (distinct > 0 && (earliestRead < EarliestTicks || latestRead > LatestTicks)))
        {
            throw new System.IO.InvalidDataException("the event counters do not match the events");
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
