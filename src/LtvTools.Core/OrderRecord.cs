using System.Collections.Generic;

namespace LtvTools.Core
{
    /// <summary>
    /// One order in the order map. Most orders have a single version, kept inline; a version list is made
    /// only when a second, different version arrives. Millions of orders then cost no heap objects, which
    /// keeps garbage collections short on big inputs.
    /// </summary>
    internal struct OrderRecord
    {
        public EventVersion<OrderPayload> Single;
        public EventVersions<OrderPayload>? Many;

        public OrderRecord(EventVersion<OrderPayload> first)
        {
            Single = first;
            Many = null;
        }

        public readonly EventVersion<OrderPayload> Winner => Many?.Winner ?? Single;

        /// <summary>Time of the earliest version: the order is placed in this week.</summary>
        public readonly long EarliestTicks => Many?.EarliestTicks ?? Single.Ticks;

        public readonly IEnumerable<EventVersion<OrderPayload>> All() => Many?.All() ?? new[] { Single };

        /// <summary>Adds a version; returns false when it is an exact duplicate of one already held.</summary>
        public bool Add(EventVersion<OrderPayload> version)
        {
            if (Many != null)
            {
                return Many.Add(version);
            }

            if (version.Ticks == Single.Ticks && version.Payload.Equals(Single.Payload))
            {
                // The same event again: keep the copy earliest in the input (it cannot change the totals).
                if (version.Sequence < Single.Sequence)
                {
                    Single = version;
                }

                return false;
            }

            Many = new EventVersions<OrderPayload>(Single);
            return Many.Add(version);
        }
    }
}
