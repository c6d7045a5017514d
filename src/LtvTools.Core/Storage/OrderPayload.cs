using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>What an ORDER event says about its order: the amount in USD and whose order it is.</summary>
internal readonly struct OrderPayload : IEquatable<OrderPayload>
{
    public OrderPayload(decimal amountUsd, CompactKey customer)
    {
        AmountUsd = amountUsd;
        Customer = customer;
    }

    public decimal AmountUsd { get; }

    public CompactKey Customer { get; }

    public bool Equals(OrderPayload other) => AmountUsd == other.AmountUsd && Customer.Equals(other.Customer);

    public override bool Equals(object? obj) => obj is OrderPayload other && Equals(other);

    public override int GetHashCode() => AmountUsd.GetHashCode() ^ Customer.GetHashCode();

    /// <summary>
    /// How order versions of equal event time are ranked (the last one wins): by amount, then by how many
    /// decimal places it is written with (two copies of one event, 12.3 and 12.30, keep the longer one),
    /// then by customer id in ordinal order.
    /// </summary>
    public static IComparer<OrderPayload> TieOrder { get; } = new TieComparer();

    private sealed class TieComparer : IComparer<OrderPayload>
    {
        public int Compare(OrderPayload x, OrderPayload y)
        {
            var byAmount = x.AmountUsd.CompareTo(y.AmountUsd);
            if (byAmount != 0)
            {
                return byAmount;
            }

            var byScale = Scale(x.AmountUsd).CompareTo(Scale(y.AmountUsd));
            return byScale != 0 ? byScale : CompactKey.CompareOrdinal(x.Customer, y.Customer);
        }

        private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
    }
}
