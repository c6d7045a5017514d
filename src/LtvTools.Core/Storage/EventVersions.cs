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
/// </remarks>
internal sealed class EventVersions<TPayload>
    where TPayload : IEquatable<TPayload>
{
    // Past this many versions, duplicates are found through an index instead of a scan: a key updated
    // every minute for a year would otherwise cost time quadratic in its updates.
    private const int IndexThreshold = 8;

    private readonly IComparer<TPayload> _tieOrder;
    private EventVersion<TPayload> _first;
    private List<EventVersion<TPayload>>? _more;
    private Dictionary<(long Ticks, TPayload Payload), int>? _index;

    public EventVersions(EventVersion<TPayload> first, IComparer<TPayload> tieOrder)
    {
        _tieOrder = tieOrder;
        _first = first;
        Winner = first;
        EarliestTicks = first.Ticks;
    }

    private EventVersions(EventVersions<TPayload> other, IComparer<TPayload> tieOrder)
    {
        _tieOrder = tieOrder;
        _first = other._first;
        _more = other._more is null ? null : new List<EventVersion<TPayload>>(other._more);
        _index = other._index is null ? null : new Dictionary<(long Ticks, TPayload Payload), int>(other._index);
        Winner = other.Winner;
        EarliestTicks = other.EarliestTicks;
    }

    public EventVersion<TPayload> Winner { get; private set; }

    /// <summary>
    /// A copy that shares nothing mutable with this one and breaks ties with <paramref name="tieOrder"/>: a profile list must compare through the copy's
    /// own profile table, which learns profiles the original's never sees.
    /// </summary>
    public EventVersions<TPayload> Copy(IComparer<TPayload> tieOrder) => new EventVersions<TPayload>(this, tieOrder);

    /// <summary>Time of the earliest version: an order is placed in this week.</summary>
    public long EarliestTicks { get; private set; }

    public int Count => 1 + (_more?.Count ?? 0);

    /// <summary>Adds a version; returns false when it is an exact duplicate of one already held.</summary>
    public bool Add(EventVersion<TPayload> version)
    {
        if (_first.IsSameEvent(version))
        {
            if (IsPreferredCopy(version, _first))
            {
                _first = version;
                RecomputeWinner();
            }

            return false;
        }

        if (_more != null)
        {
            var i = IndexOfDuplicate(version);
            if (i >= 0)
            {
                if (IsPreferredCopy(version, _more[i]))
                {
                    _more[i] = version;
                    RecomputeWinner();
                }

                return false;
            }
        }
        else
        {
            _more = new List<EventVersion<TPayload>>(1);
        }

        _more.Add(version);
        if (_index != null)
        {
            _index.Add((version.Ticks, version.Payload), _more.Count - 1);
        }
        else if (_more.Count > IndexThreshold)
        {
            _index = new Dictionary<(long, TPayload), int>(_more.Count * 2);
            for (var i = 0; i < _more.Count; i++)
            {
                _index.Add((_more[i].Ticks, _more[i].Payload), i);
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

    public IEnumerable<EventVersion<TPayload>> All()
    {
        yield return _first;
        if (_more != null)
        {
            foreach (var version in _more)
            {
                yield return version;
            }
        }
    }

    /// <summary>Where in the later versions an exact duplicate of <paramref name="version"/> is, or -1.</summary>
    private int IndexOfDuplicate(EventVersion<TPayload> version)
    {
        if (_index != null)
        {
            return _index.TryGetValue((version.Ticks, version.Payload), out var found) ? found : -1;
        }

        for (var i = 0; i < _more!.Count; i++)
        {
            if (_more[i].IsSameEvent(version))
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
    private bool IsPreferredCopy(EventVersion<TPayload> candidate, EventVersion<TPayload> kept) =>
        _tieOrder.Compare(candidate.Payload, kept.Payload) > 0;

    private void RecomputeWinner()
    {
        var winner = _first;
        if (_more != null)
        {
            foreach (var version in _more)
            {
                if (version.Wins(winner, _tieOrder))
                {
                    winner = version;
                }
            }
        }

        Winner = winner;
    }
}
