using System;

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
}
