using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// How order versions of equal event time are ranked (the last one wins): by amount, then by how many
/// decimal places it is written with (two copies of one event, 12.3 and 12.30, keep the longer one), then
/// by customer id in ordinal order. One per order side: the customers' ids are named by its
/// <see cref="CustomerNames"/>.
/// </summary>
internal sealed class OrderTieOrder : IComparer<OrderPayload>
{
    private readonly CustomerNames _names;

    public OrderTieOrder(CustomerNames names)
    {
        _names = names;
    }

    public int Compare(OrderPayload x, OrderPayload y)
    {
        var byAmount = x.AmountUsd.CompareTo(y.AmountUsd);
        if (byAmount != 0)
        {
            return byAmount;
        }

        var byScale = Scale(x.AmountUsd).CompareTo(Scale(y.AmountUsd));
        return byScale != 0 ? byScale : _names.CompareOrdinal(x.Customer, y.Customer);
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
