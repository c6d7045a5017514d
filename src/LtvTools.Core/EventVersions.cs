using System;
using System.Collections.Generic;

namespace LtvTools.Core
{
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
        private EventVersion<TPayload> _first;
        private List<EventVersion<TPayload>>? _more;

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
                for (var i = 0; i < _more.Count; i++)
                {
                    if (IsDuplicate(_more[i], version))
                    {
                        if (version.Sequence < _more[i].Sequence)
                        {
                            _more[i] = version;
                            RecomputeWinner();
                        }

                        return false;
                    }
                }
            }
            else
            {
                _more = new List<EventVersion<TPayload>>(1);
            }

            _more.Add(version);
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
}
