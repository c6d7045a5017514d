using System;

namespace LtvTools.Core;

/// <summary>
/// What an ORDER event says about its order: the amount in USD and whose order it is (named by its order
/// side's <see cref="CustomerNames"/>; ties of equal time are ranked by <see cref="OrderTieOrder"/>).
/// </summary>
internal readonly struct OrderPayload : IEquatable<OrderPayload>
{
    public OrderPayload(decimal amountUsd, ulong customer)
    {
        AmountUsd = amountUsd;
        Customer = customer;
    }

    public decimal AmountUsd { get; }

    public ulong Customer { get; }

    public bool Equals(OrderPayload other) => AmountUsd == other.AmountUsd && Customer == other.Customer;

    public override bool Equals(object? obj) => obj is OrderPayload other && Equals(other);

    public override int GetHashCode() => AmountUsd.GetHashCode() ^ Customer.GetHashCode();
}
