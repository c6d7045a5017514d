using System.Runtime.InteropServices;

namespace LtvTools.Core;

/// <summary>
/// A distinct visit as the visit side keeps it: its customer (by number in the ledger's customer list) and
/// time, taken from its earliest event.
/// </summary>
/// <remarks>
/// A number instead of the customer's key keeps the entry small and free of references: the visit table is
/// the engine's largest, and every byte of it is touched.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct VisitRecord
{
    public VisitRecord(int customer, long ticks)
    {
        Customer = customer;
        Ticks = ticks;
    }

    /// <summary>The customer's number in its <see cref="VisitLedger"/>.</summary>
    public int Customer { get; }

    public long Ticks { get; }
}
