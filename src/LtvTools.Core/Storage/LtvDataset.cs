using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// D in <c>Ingest(e, D)</c>: the aggregate state of every event seen, one entry per customer and per
/// distinct event key, never per raw record. Not thread-safe: parallel readers fill one dataset each
/// and <see cref="Merge"/> them.
/// </summary>
public sealed class LtvDataset
{
    // Two sides that share no state, so a file reader can fill both at once on two threads.
    private readonly VisitLedger _visits = new VisitLedger();
    private readonly OrderLedger _orders = new OrderLedger();
    private readonly DatasetRates _rates = new DatasetRates();

    /// <summary>The most customers <see cref="Presize"/> makes room for ahead of time.</summary>
    internal const long CustomersPresized = 1 << 17;

    /// <summary>Accepted events taken in, duplicates included.</summary>
    public long EventsAccepted => _visits.Counters.Accepted + _orders.Counters.Accepted;

    /// <summary>Accepted events that were exact repeats of one already held, and so changed nothing.</summary>
    public long DuplicatesIgnored => _visits.Counters.Duplicates + _orders.Counters.Duplicates;

    /// <summary>Customers seen through any event (counted on demand: it walks the customers).</summary>
    public int CustomerCount
    {
        get
        {
            var count = 0;
            foreach (var unused in Customers)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Site visits with distinct keys.</summary>
    public int DistinctVisits => _visits.DistinctVisits;

    /// <summary>Images with distinct keys.</summary>
    public int DistinctImages => _visits.DistinctImages;

    /// <summary>Orders with distinct keys (an order counts once, whatever its number of updates).</summary>
    public int DistinctOrders => _orders.DistinctOrders;

    /// <summary>Earliest event time of any accepted event, or null for an empty dataset.</summary>
    public UtcTimestamp? EarliestEvent => EventsAccepted == 0 ? (UtcTimestamp?)null : new UtcTimestamp(Math.Min(_visits.Counters.EarliestTicks, _orders.Counters.EarliestTicks));

    /// <summary>Latest event time of any accepted event, or null for an empty dataset.</summary>
    public UtcTimestamp? LatestEvent => EventsAccepted == 0 ? (UtcTimestamp?)null : new UtcTimestamp(Math.Max(_visits.Counters.LatestTicks, _orders.Counters.LatestTicks));

    /// <summary>
    /// The exchange rates that shaped this dataset's USD amounts, by currency: every rate it was read with
    /// and the rate of each piped event in another currency. USD is never listed (its rate is 1).
    /// </summary>
    public IReadOnlyDictionary<string, decimal> ExchangeRates
    {
        get
        {
            var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in _rates.All)
            {
                rates.Add(pair.Key, pair.Value);
            }

            return rates;
        }
    }

    /// <summary>
    /// Records the rates that amounts about to be read are converted with. Throws, changing nothing, when
    /// one of them differs from a rate this dataset already converted that currency at.
    /// </summary>
    /// <exception cref="InvalidOperationException">A currency would be converted at a second rate.</exception>
    public void UseExchangeRates(ExchangeRateTable rates)
    {
        if (rates is null)
        {
            throw new ArgumentNullException(nameof(rates));
        }

        _rates.AdoptAll(rates.All, "-ExchangeRate");
    }

    /// <summary>Every customer, joined from both sides: those with orders or a profile first, then visit-only ones.</summary>
    internal IEnumerable<CustomerState> Customers
    {
        get
        {
            foreach (var pair in _orders.Customers)
            {
                yield return new CustomerState(pair.Key, _visits.VisitsOf(pair.Key), pair.Value, _orders.ProfileOf(pair.Value));
            }

            foreach (var pair in VisitOnlyCustomers)
            {
                yield return new CustomerState(pair.Key, pair.Value, default, null);
            }
        }
    }

    /// <summary>
    /// Each customer with orders or a profile and its totals: what ranking needs, without the joins
    /// <see cref="Customers"/> makes for every customer. A struct walk, so that the ranking loop is compiled
    /// whole with it (an iterator's step would start as tier-0 code on the first call in a process).
    /// </summary>
    internal CompactKeyMap<CustomerOrders>.EntryEnumerator CustomerTotals => _orders.Customers;

    /// <summary>
    /// Customers seen only through visits or images (nothing spent), with their visit counts: the rest of
    /// <see cref="Customers"/>.
    /// </summary>
    internal IEnumerable<KeyValuePair<CompactKey, long>> VisitOnlyCustomers
    {
        get
        {
            foreach (var pair in _visits.Customers)
            {
                if (!_orders.TryGetCustomer(pair.Key, out _))
                {
                    yield return pair;
                }
            }
        }
    }

    internal IEnumerable<(CompactKey Customer, long Ticks)> Visits => _visits.Visits;

    /// <summary>Every distinct order: the week it is placed in (its earliest time) and its winning version.</summary>
    internal IEnumerable<(long EarliestTicks, CompactKey Customer, decimal AmountUsd)> Orders => _orders.Orders;

    /// <summary>Every distinct order placed at or before <paramref name="cutoffTicks"/>, with its latest version as of then.</summary>
    internal IEnumerable<(long EarliestTicks, CompactKey Customer, decimal AmountUsd)> OrdersAsOf(long cutoffTicks) => _orders.OrdersAsOf(cutoffTicks);

    /// <summary>
    /// Makes room for about <paramref name="moreEvents"/> further events in the usual mix (about half visits,
    /// a quarter orders, a seventh images), so the event tables are rehashed once instead of many times. An
    /// estimate: a different mix only means some table grows later. Only tables the estimate would at least
    /// double are presized; a table already bigger grows on demand, when the new keys really come.
    /// </summary>
    /// <remarks>
    /// Customer tables are sized for at most <see cref="CustomersPresized"/> customers and grow from there:
    /// customers come back, so their number grows far slower than the events (300k customers in 10M
    /// events), and a table sized from the file would be mostly empty yet fully touched, since keys land
    /// on every page. Memory first touched costs a page fault per 4 KiB, which on a virtual machine can
    /// cost more than the work done with it.
    /// </remarks>
    internal void Presize(long moreEvents)
    {
        if (moreEvents <= 0)
        {
            return;
        }

        var customers = Math.Min(moreEvents / 10, CustomersPresized);
        void VisitSide() => _visits.Presize(moreEvents / 2, moreEvents / 7, customers);
        void OrderSide() => _orders.Presize(moreEvents / 4, customers);
        if (EventsAccepted == 0)
        {
            // Empty tables: nothing to move, so nothing to share out.
            VisitSide();
            OrderSide();
            return;
        }

        // Tables that grow here are rehashed into fresh memory before any event of the file is applied: the two
        // sides at once.
        SideBySide.Run(VisitSide, OrderSide);
    }

    /// <summary>Takes in one event (the pipeline form).</summary>
    /// <exception cref="ArgumentException">The event cannot be counted: it is not a CUSTOMER event and has no
    /// CustomerId, or it is an order with no USD amount (neither <see cref="LtvEvent.AmountUsd"/> nor a
    /// <see cref="LtvEvent.TotalAmount"/> in USD).</exception>
    public void Add(LtvEvent e)
    {
        var problem = Check(e);
        if (problem != null)
        {
            throw new ArgumentException(problem, nameof(e));
        }

        try
        {
            AdoptRateOf(e);
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException(ex.Message, nameof(e), ex);
        }

        Add(CompactEvent.From(e));
    }

    /// <summary>
    /// Why <see cref="Add(LtvEvent)"/> would refuse <paramref name="e"/> (an event built or changed by hand:
    /// events read from files always pass), or null when it will be taken.
    /// </summary>
    internal static string? Check(LtvEvent e)
    {
        if (e is null)
        {
            throw new ArgumentNullException(nameof(e));
        }

        if (e.TypeKind != EventType.Customer && (e.CompactCustomer is null || e.CompactCustomer.Value.IsEmpty))
        {
            return $"{e.Type} {e.Key} has no CustomerId.";
        }

        if (e.TypeKind == EventType.Order && UsdAmount(e) is null)
        {
            return $"ORDER {e.Key} has no USD amount: read it with an exchange rate for {e.Currency}.";
        }

        return null;
    }

    /// <summary>
    /// Records the rate a piped order in another currency was converted at (its USD amount over its amount),
    /// so that datasets converted at different rates are not combined. Touches only the rates, never the
    /// ledgers, so it may run on the thread that hands events to a background writer.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dataset converted this currency at another rate.</exception>
    internal void AdoptRateOf(LtvEvent e)
    {
        // Called for every piped event: a USD order, or one at the rate already held, costs no division and no message.
        if (e.TypeKind != EventType.Order || e.Currency is null || DatasetRates.IsUsd(e.Currency) || !(e.AmountUsd is decimal usd) || !(e.TotalAmount is decimal amount) || amount == 0)
        {
            return;
        }

        var rate = usd / amount;
        if (!_rates.Holds(e.Currency, rate))
        {
            _rates.Adopt(e.Currency, rate, $"ORDER {e.Key}");
        }
    }

    /// <summary>The order amount in USD: converted when read, or as written when it is in USD.</summary>
    internal static decimal? UsdAmount(LtvEvent e) =>
        e.AmountUsd ?? (e.Currency is null || e.Currency == AmountParser.DefaultCurrency ? e.TotalAmount : null);

    /// <summary>Takes in a validated record straight from the reader, with no event object in between.</summary>
    internal void Add(in EventFields fields, Utf8TextCache? texts = null) => Add(CompactEvent.From(fields, texts));

    /// <summary>Takes in an accepted event in its compact form (filled by a reader thread).</summary>
    [MethodImpl(HotPath.Optimized)]
    internal void Add(in CompactEvent e)
    {
        if (IsVisitSide(e.Type))
        {
            AddToVisitSide(e);
        }
        else
        {
            AddToOrderSide(e);
        }
    }

    /// <summary>True for the event types the visit side takes (visits and images); the order side takes the rest.</summary>
    internal static bool IsVisitSide(EventType type) => type == EventType.SiteVisit || type == EventType.Image;

    /// <summary>
    /// Applies events[start..end) of one side, after first touching every table slot they will use: the
    /// tables are far larger than the caches, and touching a group of slots at once lets their cache
    /// misses overlap (a plain loop waits for each miss before it can compute the next address).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    internal void AddRange(CompactEvent[] events, int start, int end, bool visitSide)
    {
        const int Group = 16;
        for (var group = start; group < end; group += Group)
        {
            var groupEnd = Math.Min(end, group + Group);
            for (var i = group; i < groupEnd; i++)
            {
                if (IsVisitSide(events[i].Type) == visitSide)
                {
                    if (visitSide)
                    {
                        _visits.Touch(events[i].Type, events[i].Key, events[i].Customer);
                    }
                    else
                    {
                        _orders.Touch(events[i].Type, events[i].Key, events[i].Customer);
                    }
                }
            }

            for (var i = group; i < groupEnd; i++)
            {
                if (IsVisitSide(events[i].Type) == visitSide)
                {
                    Add(events[i]);
                }
            }
        }
    }

    /// <summary>Adds a visit or image. May run on another thread than <see cref="AddToOrderSide"/>, never beside itself.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal void AddToVisitSide(in CompactEvent e)
    {
        if (e.Type == EventType.SiteVisit)
        {
            _visits.AddVisit(e.Key, e.Customer, e.Ticks);
        }
        else
        {
            _visits.AddImage(e.Key, e.Customer, e.Ticks);
        }
    }

    /// <summary>Adds an order or customer event. May run on another thread than <see cref="AddToVisitSide"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal void AddToOrderSide(in CompactEvent e)
    {
        if (e.Type == EventType.Order)
        {
            _orders.AddOrder(e.Key, e.Customer, e.Ticks, e.AmountUsd);
        }
        else
        {
            _orders.AddProfile(e.Key, e.Ticks, e.Profile);
        }
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> holds, as if its events had been ingested here. No rule looks
    /// at input order, so merging partial datasets in any grouping and any order gives the one-pass dataset.
    /// </summary>
    public void Merge(LtvDataset other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A dataset cannot be merged into itself.", nameof(other));
        }

        _rates.AdoptAll(other._rates.All, "The dataset merged in");
        SideBySide.Run(() => _visits.Merge(other._visits), () => _orders.Merge(other._orders));
    }

    /// <summary>
    /// A new dataset holding this one and <paramref name="other"/> merged, neither of them changed (what
    /// <see cref="Copy(LtvDataset)"/> and then <see cref="Merge"/> give). Each side is copied into tables of
    /// the final size and the other's side merged in, the visit side and the order side each on its own
    /// thread from start to end, so neither waits for the other in between.
    /// </summary>
    /// <exception cref="InvalidOperationException">The two converted one currency at different rates.</exception>
    internal LtvDataset MergedWith(LtvDataset other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        var merged = new LtvDataset();
        merged._rates.CopyFrom(_rates);
        merged._rates.AdoptAll(other._rates.All, "The dataset merged in");
        SideBySide.Run(
            () =>
            {
                merged._visits.CopyFrom(_visits, other._visits);
                merged._visits.Merge(other._visits);
            },
            () =>
            {
                merged._orders.CopyFrom(_orders, other._orders);
                merged._orders.Merge(other._orders);
            });
        return merged;
    }

    /// <summary>
    /// Writes the whole state: rates, then each side's counters and distinct things, then where the order
    /// side and its orders start (so a loader can decode them beside the visit side). Customers are written once, numbered as
    /// the visit side numbers them and then the order side's others, so the visit side loads with no
    /// renumbering. Times are offsets from the earliest event.
    /// </summary>
    internal void Write(DatasetEncoder output)
    {
        output.WriteVarint((ulong)_rates.Count);
        foreach (var pair in _rates.All)
        {
            output.WriteText(pair.Key);
            output.WriteDecimal(pair.Value);
        }

        var baseTicks = EventsAccepted == 0 ? 0 : EarliestEvent!.Value.Ticks;
        output.WriteUInt64((ulong)baseTicks);

        var visitSide = _visits.CustomerKeys;
        var orderOnly = new CompactKeyMap<int>();
        foreach (var key in _orders.CustomerKeys)
        {
            if (_visits.NumberOrNone(key) < 0)
            {
                orderOnly.GetOrAdd(key, out _) = visitSide.Count + orderOnly.Count - 1;
            }
        }

        output.WriteVarint((ulong)(visitSide.Count + orderOnly.Count));
        output.WriteVarint((ulong)visitSide.Count);
        foreach (var key in visitSide)
        {
            output.WriteKey(key);
        }

        var orderOnlyKeys = new CompactKey[orderOnly.Count];
        foreach (var pair in orderOnly.Entries())
        {
            orderOnlyKeys[pair.Value - visitSide.Count] = pair.Key;
        }

        foreach (var key in orderOnlyKeys)
        {
            output.WriteKey(key);
        }

        _visits.Write(output, baseTicks);
        var orderSideStart = output.Length;
        var ordersStart = _orders.Write(output, baseTicks, key =>
        {
            var number = _visits.NumberOrNone(key);
            return number >= 0 ? number : (orderOnly.TryGetValue(key, out var other) ? other : throw new InvalidOperationException("an order names a customer the order side does not know"));
        });
        output.WriteUInt64((ulong)orderSideStart);
        output.WriteUInt64((ulong)ordersStart);
    }

    /// <summary>
    /// Reads a dataset that <see cref="Write"/> wrote: everything up to the order side from
    /// <paramref name="input"/>, the order side's customers from what <paramref name="orderCustomers"/> gives
    /// and its orders from what <paramref name="orders"/> gives (each called once, when its part is due; either
    /// may give <paramref name="input"/> itself, read on). With <paramref name="inParallel"/>, the orders are
    /// decoded on a second thread while the visit side and then the customers are decoded on this one: the
    /// parts share nothing but the customer keys, read-only, and the work splits about evenly.
    /// </summary>
    /// <exception cref="System.IO.InvalidDataException">The data is malformed (the message says how).</exception>
    internal static LtvDataset Read(DatasetDecoder input, Func<DatasetDecoder> orderCustomers, Func<DatasetDecoder> orders, bool inParallel)
    {
        var dataset = new LtvDataset();
        var rates = input.ReadCount(2, "exchange rates");
        for (var i = 0; i < rates; i++)
        {
            var currency = input.ReadText();
            var rate = input.ReadDecimal();
            if (string.IsNullOrWhiteSpace(currency) || rate <= 0)
            {
                throw new System.IO.InvalidDataException("an exchange rate is invalid");
            }

            dataset._rates.Adopt(currency!, rate, "The file");
        }

        var baseTicks = (long)input.ReadUInt64();
        var customerCount = input.ReadCount(8, "customers");
        var visitSide = (int)input.ReadVarint();
        if (visitSide > customerCount)
        {
            throw new System.IO.InvalidDataException("the visit side lists more customers than there are");
        }

        var customers = new CompactKey[customerCount];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = input.ReadKey();
        }

        DatasetDecoder? customersInput = null;
        DatasetDecoder? ordersInput = null;
        void ReadVisitsAndCustomers()
        {
            dataset._visits.Read(input, customers, visitSide, baseTicks);
            customersInput = orderCustomers();
            dataset._orders.ReadCustomers(customersInput, customers, baseTicks);
        }

        void ReadOrders()
        {
            ordersInput = orders();
            dataset._orders.ReadOrders(ordersInput, customers, baseTicks);
        }

        if (inParallel)
        {
            SideBySide.Run(ReadVisitsAndCustomers, ReadOrders);
        }
        else
        {
            ReadVisitsAndCustomers();
            ReadOrders();
        }

        dataset._orders.CheckAfterRead(customersInput!, ordersInput!);
        return dataset;
    }

    /// <summary>
    /// A copy that shares nothing mutable with this dataset: adding to or merging into either leaves the other
    /// as it was. Cheaper than merging into an empty dataset (the tables are copied whole, not rebuilt).
    /// </summary>
    public LtvDataset Copy() => Copy(null);

    /// <summary>
    /// A copy (see <see cref="Copy()"/>) with room for everything <paramref name="roomFor"/> holds, when that
    /// is to be merged in next: the copy's tables are made at their final size, never copied and then grown.
    /// </summary>
    internal LtvDataset Copy(LtvDataset? roomFor)
    {
        var copy = new LtvDataset();
        copy._rates.CopyFrom(_rates);
        SideBySide.Run(() => copy._visits.CopyFrom(_visits, roomFor?._visits), () => copy._orders.CopyFrom(_orders, roomFor?._orders));
        return copy;
    }

    internal bool TryGetCustomer(CompactKey key, out CustomerState customer)
    {
        var hasOrders = _orders.TryGetCustomer(key, out var orders);
        if (!hasOrders && !_visits.Knows(key))
        {
            customer = default;
            return false;
        }

        customer = new CustomerState(key, _visits.VisitsOf(key), orders, hasOrders ? _orders.ProfileOf(orders) : null);
        return true;
    }
}
