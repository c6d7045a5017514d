using System;

namespace LtvTools.Core;

/// <summary>One distinct version of a keyed thing: when it happened, where it came in the input, and what it says.</summary>
internal readonly struct EventVersion<TPayload>
    where TPayload : IEquatable<TPayload>
{
    public EventVersion(long ticks, long sequence, TPayload payload)
    {
        Ticks = ticks;
        Sequence = sequence;
        Payload = payload;
    }

    public long Ticks { get; }

    /// <summary>Input position (file and byte offset, or pipeline count); breaks ties of equal times.</summary>
    public long Sequence { get; }

    public TPayload Payload { get; }

    /// <summary>Latest time wins; on a tie, the later input position.</summary>
    public bool Wins(EventVersion<TPayload> other) =>
        Ticks > other.Ticks || (Ticks == other.Ticks && Sequence > other.Sequence);
}
