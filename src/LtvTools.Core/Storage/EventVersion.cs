using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>One distinct version of a keyed thing: when it happened and what it says.</summary>
internal readonly struct EventVersion<TPayload>
    where TPayload : IEquatable<TPayload>
{
    public EventVersion(long ticks, TPayload payload)
    {
        Ticks = ticks;
        Payload = payload;
    }

    public long Ticks { get; }

    public TPayload Payload { get; }

    /// <summary>
    /// Latest time wins; on a tie, the payload that <paramref name="tieOrder"/> puts last. The rule looks
    /// only at what the events say, never at where they came in the input, so datasets built on different
    /// machines and merged in any order agree.
    /// </summary>
    public bool Wins(EventVersion<TPayload> other, IComparer<TPayload> tieOrder) =>
        Ticks > other.Ticks || (Ticks == other.Ticks && tieOrder.Compare(Payload, other.Payload) > 0);

    /// <summary>The same time and payload is the same event (a duplicate).</summary>
    public bool IsSameEvent(EventVersion<TPayload> other) => Ticks == other.Ticks && Payload.Equals(other.Payload);
}
