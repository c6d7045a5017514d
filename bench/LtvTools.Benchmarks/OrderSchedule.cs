namespace LtvTools.Benchmarks;

/// <summary>
/// Orders of customers who behave as the BG/NBD model assumes, for a file that has a forecast fit (the
/// generator's default customers buy at random all year and never drop out, which has none). Customer c
/// makes a first order at a time uniform in the year's first 90%, then repeat orders at their own rate λ
/// (a Poisson process), and after each repeat order leaves for good with their own probability p; λ is
/// exponential across customers (Gamma with shape 1) and p is Beta(1, 3) (mean 0.25). The rates are scaled
/// until the orders are about 25% more than the file's order lines, and the lines take a random subset of
/// them in random order, so the file is not in time order and every customer's orders are thinned alike.
/// </summary>
/// <remarks>
/// Drawn up front from a stream of its own, so the generator's own draws, and so the files without it,
/// are unchanged. State: one customer and one time per scheduled order (about 9 per customer at 10M events).
/// </remarks>
internal sealed class OrderSchedule
{
    private const double JoinShare = 0.9;
    private const double DropoutBeta = 3;
    private const double Surplus = 1.25;

    private readonly List<(int Customer, long Ticks)> _orders = new();
    private int _next;

    public OrderSchedule(long customers, long orderLines, ulong seed, long start, long year)
    {
        var target = orderLines * Surplus;
        var scale = Math.Max(1.0, (double)orderLines / customers);

        // The count grows with the rate but less than in proportion (customers drop out), so a few rounds.
        for (var round = 0; round < 20; round++)
        {
            Draw(customers, seed, start, year, scale);
            if (Math.Abs(_orders.Count - target) <= 0.01 * target)
            {
                break;
            }

            var repeats = Math.Max(1, _orders.Count - customers);
            scale *= Math.Max(0.1, (target - customers) / repeats);
        }

        // Fisher-Yates, so the lines take the orders in random order.
        var random = new SplitMix64(seed ^ 0x0DE5_C4EDUL);
        for (var i = _orders.Count - 1; i > 0; i--)
        {
            var j = (int)random.NextLong(i + 1);
            (_orders[i], _orders[j]) = (_orders[j], _orders[i]);
        }
    }

    /// <summary>The next scheduled order, until they run out.</summary>
    public bool TryNext(out long customer, out long ticks)
    {
        if (_next < _orders.Count)
        {
            (customer, ticks) = ((long)_orders[_next].Customer, _orders[_next].Ticks);
            _next++;
            return true;
        }

        customer = 0;
        ticks = 0;
        return false;
    }

    private void Draw(long customers, ulong seed, long start, long year, double ordersPerYear)
    {
        _orders.Clear();
        var random = new SplitMix64(seed ^ 0x5DEE_CE66DUL);
        var end = start + year;
        for (var c = 0; c < (int)customers; c++)
        {
            var rate = -Math.Log(1 - random.NextDouble()) * ordersPerYear / year;
            var dropout = 1 - Math.Pow(1 - random.NextDouble(), 1 / DropoutBeta);
            double ticks = start + (long)(random.NextDouble() * JoinShare * year);
            Add(c, ticks);
            while (true)
            {
                ticks += -Math.Log(1 - random.NextDouble()) / rate;
                if (!(ticks < end))
                {
                    break;
                }

                Add(c, ticks);

                // The chance of leaving that follows every repeat order.
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }
        }
    }

    private void Add(int customer, double ticks)
    {
        var whole = (long)ticks;
        _orders.Add((customer, whole - (whole % TimeSpan.TicksPerMillisecond)));
    }
}
