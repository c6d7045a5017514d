namespace LtvTools.Core
{
    /// <summary>A distinct site visit: whose it is and when, taken from its earliest event.</summary>
    internal readonly struct VisitRecord
    {
        public VisitRecord(CompactKey customer, long ticks, long sequence)
        {
            Customer = customer;
            Ticks = ticks;
            Sequence = sequence;
        }

        public CompactKey Customer { get; }

        public long Ticks { get; }

        public long Sequence { get; }

        public bool IsEarlierThan(VisitRecord other) =>
            Ticks < other.Ticks || (Ticks == other.Ticks && Sequence < other.Sequence);
    }
}
