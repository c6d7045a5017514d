namespace LtvTools.Core;

/// <summary>
/// A distinct visit as the visit side keeps it: its customer (by number in the ledger's customer list),
/// time and input position, taken from its earliest event.
/// </summary>
/// <remarks>
/// A number instead of the customer's key keeps the entry at 24 bytes and free of references: the visit
/// table is the engine's largest (335 MB at 10M events), and every byte of it is touched.
/// </remarks>
internal readonly struct VisitRecord
{
    public VisitRecord(int customer, long ticks, long sequence)
    {
        Customer = customer;
        Ticks = ticks;
        Sequence = sequence;
    }

    /// <summary>The customer's number in its <see cref="VisitLedger"/>.</summary>
    public int Customer { get; }

    public long Ticks { get; }

    public long Sequence { get; }

    public bool IsEarlierThan(VisitRecord other) =>
        Ticks < other.Ticks || (Ticks == other.Ticks && Sequence < other.Sequence);
}
