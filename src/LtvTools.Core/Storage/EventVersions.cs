using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// The distinct versions of one keyed thing (an order, a customer profile): the winner is the version
/// with the latest event time, ties going to the earliest-seen copy that came later in input order.
/// </summary>
/// <remarks>
/// Keeping distinct versions (not every event) is what makes duplicates exact: an identical repeat is
/// recognised wherever it arrives, so it never wins a tie, and merging partial datasets gives the
/// one-pass answer. Most keys have one or two versions.
/// </remarks>
internal sealed class EventVersions<TPayload>
    where TPayload : IEquatable<TPayload>
{
    // Past this many versions, duplicates are found through an index instead of a scan: a key updated
    // every minute for a year would otherwise cost time quadratic in its updates.
    private const int IndexThreshold = 8;

    private EventVersion<TPayload> _first;
    private List<EventVersion<TPayload>>? _more;
    private Dictionary<(long Ticks, TPayload Payload), int>? _index;

    public EventVersions(EventVersion<TPayload> first)
    {
        _first = first;
        Winner = first;
        EarliestTicks = first.Ticks;
    }

    public EventVersion<TPayload> Winner { get; private set; }

    /// <summary>Time of the earliest version: an order is placed in this week.</summary>
    public long EarliestTicks { get; private set; }

    public int Count => 1 + (_more?.Count ?? 0);

    /// <summary>Adds a version; returns false when it is an exact duplicate of one already held.</summary>
    public bool Add(EventVersion<TPayload> version)
    {
        if (IsDuplicate(_first, version))
        {
            if (version.Sequence < _first.Sequence)
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
                if (version.Sequence < _more[i].Sequence)
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

        if (version.Wins(Winner))
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
            if (IsDuplicate(_more[i], version))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The same time and payload is the same event. The copy kept is the one earliest in the input, which
    /// can move the winner when partial datasets are merged out of order.
    /// </summary>
    private static bool IsDuplicate(EventVersion<TPayload> existing, EventVersion<TPayload> candidate) =>
        existing.Ticks == candidate.Ticks && existing.Payload.Equals(candidate.Payload);

    private void RecomputeWinner()
    {
        var winner = _first;
        if (_more != null)
        {
            foreach (var version in _more)
            {
                if (version.Wins(winner))
                {
                    winner = version;
                }
            }
        }

        Winner = winner;
    }
}
