using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// The distinct versions of one keyed thing (an order, a customer profile): the winner is the version
/// with the latest event time, ties going to the payload its tie order puts last.
/// </summary>
/// <remarks>
/// Keeping distinct versions (not every event) is what makes duplicates exact: an identical repeat is
/// recognised wherever it arrives, so it never wins a tie, and since no decision looks at input order,
/// any arrival order and any merge of partial datasets give the same versions and the same winner.
/// Most keys have one or two versions.
/// A struct, held in <see cref="VersionLists{TPayload}"/>'s array and changed there through a reference:
/// a list then costs the collector nothing (a load or an ingest makes hundreds of thousands of them, and
/// as objects every one of them was copied by each collection it survived). Only a key with more than
/// two versions has an object of its own, the array of the rest.
/// </remarks>
internal struct EventVersions<TPayload>
    where TPayload : IEquatable<TPayload>
{
    // Past this many versions, duplicates are found through an index instead of a scan: a key updated
    // every minute for a year would otherwise cost time quadratic in its updates.
    private const int IndexThreshold = 8;

    private readonly IComparer<TPayload> _tieOrder;

    // The first two versions inline and the rest in an array: most lists hold two versions.
    private EventVersion<TPayload> _first;
    private EventVersion<TPayload> _second;
    private EventVersion<TPayload>[]? _rest;
    private int _count;

    // Positions (1 and up) of the versions after the first, once there are many.
    private Dictionary<(long Ticks, TPayload Payload), int>? _index;

    public EventVersions(EventVersion<TPayload> first, IComparer<TPayload> tieOrder)
    {
        _tieOrder = tieOrder;
        _first = first;
        _second = default;
        _rest = null;
        _count = 1;
        _index = null;
        Winner = first;
        EarliestTicks = first.Ticks;
    }

    private EventVersions(EventVersions<TPayload> other, IComparer<TPayload> tieOrder)
    {
        _tieOrder = tieOrder;
        _first = other._first;
        _second = other._second;
        _rest = other._rest is null ? null : (EventVersion<TPayload>[])other._rest.Clone();
        _count = other._count;
        _index = other._index is null ? null : new Dictionary<(long Ticks, TPayload Payload), int>(other._index);
        Winner = other.Winner;
        EarliestTicks = other.EarliestTicks;
    }

    public EventVersion<TPayload> Winner { get; private set; }

    /// <summary>
    /// A copy that shares nothing mutable with this one and breaks ties with <paramref name="tieOrder"/>: a profile list must compare through the copy's
    /// own profile table, which learns profiles the original's never sees.
    /// </summary>
    public readonly EventVersions<TPayload> Copy(IComparer<TPayload> tieOrder) => new EventVersions<TPayload>(this, tieOrder);

    /// <summary>Time of the earliest version: an order is placed in this week.</summary>
    public long EarliestTicks { get; private set; }

    public readonly int Count => _count;

    /// <summary>Adds a version; returns false when it is an exact duplicate of one already held.</summary>
    public bool Add(EventVersion<TPayload> version)
    {
        var duplicate = _first.IsSameEvent(version) ? 0 : IndexOfLaterDuplicate(version);
        if (duplicate >= 0)
        {
            if (IsPreferredCopy(version, At(duplicate)))
            {
                Set(duplicate, version);
                RecomputeWinner();
            }

            return false;
        }

        Append(version);
        if (_index != null)
        {
            _index.Add((version.Ticks, version.Payload), _count - 1);
        }
        else if (_count - 1 > IndexThreshold)
        {
            _index = new Dictionary<(long, TPayload), int>(_count * 2);
            for (var i = 1; i < _count; i++)
            {
                var held = At(i);
                _index.Add((held.Ticks, held.Payload), i);
            }
        }

        if (version.Ticks < EarliestTicks)
        {
            EarliestTicks = version.Ticks;
        }

        if (version.Wins(Winner, _tieOrder))
        {
            Winner = version;
        }

        return true;
    }

    /// <summary>The versions, first to last (of a copy of this list: a struct's iterator works on a copy).</summary>
    public readonly IEnumerable<EventVersion<TPayload>> All()
    {
        var copy = this;
        for (var i = 0; i < copy._count; i++)
        {
            yield return copy.At(i);
        }
    }

    private readonly EventVersion<TPayload> At(int position) => position switch
    {
        0 => _first,
        1 => _second,
        _ => _rest![position - 2],
    };

    private void Set(int position, EventVersion<TPayload> version)
    {
        switch (position)
        {
            case 0:
                _first = version;
                break;
            case 1:
                _second = version;
                break;
            default:
                _rest![position - 2] = version;
                break;
        }
    }

    private void Append(EventVersion<TPayload> version)
    {
        if (_count >= 2)
        {
            if (_rest is null)
            {
                _rest = new EventVersion<TPayload>[2];
            }
            else if (_count - 2 == _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }
        }

        _count++;
        Set(_count - 1, version);
    }

    /// <summary>The position (1 and up) of an exact duplicate of <paramref name="version"/> after the first, or -1.</summary>
    private readonly int IndexOfLaterDuplicate(EventVersion<TPayload> version)
    {
        if (_index != null)
        {
            return _index.TryGetValue((version.Ticks, version.Payload), out var found) ? found : -1;
        }

        for (var i = 1; i < _count; i++)
        {
            if (At(i).IsSameEvent(version))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Of two copies of one event, the one kept: copies can differ in how they are written (12.3 and 12.30
    /// are one amount), and the tie order puts one spelling last whatever the arrival order.
    /// </summary>
    private readonly bool IsPreferredCopy(EventVersion<TPayload> candidate, EventVersion<TPayload> kept) =>
        _tieOrder.Compare(candidate.Payload, kept.Payload) > 0;

    private void RecomputeWinner()
    {
        var winner = _first;
        for (var i = 1; i < _count; i++)
        {
            var version = At(i);
            if (version.Wins(winner, _tieOrder))
            {
                winner = version;
            }
        }

        Winner = winner;
    }
}
