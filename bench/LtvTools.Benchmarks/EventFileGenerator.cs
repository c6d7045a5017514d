namespace LtvTools.Benchmarks;

/// <summary>
/// Writes a deterministic event file line by line (NDJSON or one JSON array), never holding the file in
/// memory: state is one timestamp per customer, the pending order updates, and a small ring of recent lines
/// for exact duplicates.
/// </summary>
/// <remarks>
/// Mix: about 9% CUSTOMER NEW (90% of customers), 0.5% CUSTOMER UPDATE, 2% exact duplicate lines, and the
/// rest activity split 55% SITE_VISIT, 15% IMAGE, 30% ORDER lines, where 10% of orders get a later UPDATE
/// with a new amount. Times are uniform over one year (2017), so the file is not in time order.
/// With <see cref="GeneratorOptions.Dropout"/>, the NEW order lines come from <see cref="OrderSchedule"/>
/// instead (customers who join and drop out); every other line is drawn as without it.
/// </remarks>
internal sealed class EventFileGenerator
{
    private const double DuplicateShare = 0.02;
    private const double CustomerNewShare = 0.90;
    private const double CustomerUpdateShare = 0.05;
    private const double OrderUpdateShare = 0.10;

    // Shares of new activity, chosen so visits : images : orders (NEW and UPDATE lines) come out 55 : 15 : 30.
    private const double ActivityWeight = 0.55 + 0.15 + (0.30 / (1 + OrderUpdateShare));
    private const double VisitShare = 0.55 / ActivityWeight;
    private const double ImageShare = 0.15 / ActivityWeight;
    private const int RecentLines = 4096;
    private const int MaxUpdateDelayLines = 50_000;

    private static readonly long Start = new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly long Year = TimeSpan.FromDays(365).Ticks;

    private readonly GeneratorOptions _options;
    private readonly SplitMix64 _random;
    private readonly LineBuilder _line = new();
    private readonly long[] _profileTicks;
    private readonly long _customerStride;
    private readonly OrderSchedule? _schedule;
    private readonly PriorityQueue<PendingUpdate, long> _updates = new();
    private readonly byte[][] _recent = new byte[RecentLines][];
    private readonly int[] _recentLength = new int[RecentLines];
    private long _recentCount;
    private long _profilesWritten;
    private ulong _nextEventCounter;

    public EventFileGenerator(GeneratorOptions options)
    {
        _options = options;
        _random = new SplitMix64(options.Seed);
        _profileTicks = new long[options.Customers];
        _customerStride = CoprimeStride(options.Customers);
        _nextEventCounter = (ulong)options.Customers;
        _schedule = options.Dropout ? new OrderSchedule(options.Customers, ExpectedOrderLines(), options.Seed, Start, Year) : null;
    }

    public GeneratedCounts Counts { get; } = new();

    public void WriteTo(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".partial";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            if (_options.JsonArray)
            {
                file.Write("[\n"u8);
            }

            for (long i = 0; i < _options.Events; i++)
            {
                NextLine(i);
                if (_options.JsonArray && i > 0)
                {
                    file.Write(",\n"u8);
                }

                file.Write(_line.Span);
                if (!_options.JsonArray)
                {
                    file.Write("\n"u8);
                }
            }

            if (_options.JsonArray)
            {
                file.Write("\n]\n"u8);
            }
        }

        // Only a complete file gets the real name, so the bench never measures a half-written one.
        File.Move(temporary, path, overwrite: true);
    }

    private void NextLine(long index)
    {
        _line.Clear();
        if (_updates.TryPeek(out var due, out var dueLine) && dueLine <= index)
        {
            _updates.Dequeue();
            WriteOrder(due.Key, due.Customer, due.Ticks, "UPDATE"u8);
            Counts.OrderUpdates++;
        }
        else
        {
            var roll = _random.NextDouble();
            var customerNew = CustomerNewShare * _options.Customers / _options.Events;
            var customerUpdate = CustomerUpdateShare * _options.Customers / _options.Events;
            if (roll < DuplicateShare && _recentCount > 0)
            {
                var slot = (int)(_random.NextLong(Math.Min(_recentCount, RecentLines)));
                _line.Raw(_recent[slot].AsSpan(0, _recentLength[slot]));
                Counts.Duplicates++;
                return;
            }

            roll = _random.NextDouble();
            if (roll < customerNew && _profilesWritten < _options.Customers)
            {
                var customer = _profilesWritten++;
                _profileTicks[customer] = RandomTime();
                WriteCustomer(customer, _profileTicks[customer], "NEW"u8);
                Counts.CustomerNew++;
            }
            else if (roll < customerNew + customerUpdate && _profilesWritten > 0)
            {
                var customer = _random.NextLong(_profilesWritten);
                WriteCustomer(customer, _profileTicks[customer] + _random.NextLong(TimeSpan.FromDays(60).Ticks), "UPDATE"u8);
                Counts.CustomerUpdates++;
            }
            else
            {
                WriteActivity(index);
            }
        }

        Remember();
    }

    private void WriteActivity(long index)
    {
        var active = ActiveCustomer();
        var key = HexKeys.Scramble(_nextEventCounter++);
        var ticks = RandomTime();
        var kind = _random.NextDouble();
        if (kind >= VisitShare + ImageShare && _schedule != null && _schedule.TryNext(out var scheduled, out var scheduledTicks))
        {
            active = scheduled;
            ticks = scheduledTicks;
        }

        var customer = HexKeys.Scramble((ulong)active);
        if (kind < VisitShare)
        {
            Begin("SITE_VISIT"u8, "NEW"u8, key, ticks).Raw("\", \"customer_id\": \""u8).Key(customer).Raw("\", \"tags\": ["u8);
            var tags = 1 + (int)_random.NextLong(2);
            for (var t = 0; t < tags; t++)
            {
                var (name, value) = _random.Pick(WordLists.Tags);
                _line.Raw(t == 0 ? "{\""u8 : ", {\""u8).Text(name).Raw("\": \""u8).Text(value).Raw("\"}"u8);
            }

            _line.Raw("]}"u8);
            Counts.Visits++;
        }
        else if (kind < VisitShare + ImageShare)
        {
            var (make, model) = _random.Pick(WordLists.Cameras);
            Begin("IMAGE"u8, "UPLOAD"u8, key, ticks).Raw("\", \"customer_id\": \""u8).Key(customer)
                .Raw("\", \"camera_make\": \""u8).Text(make).Raw("\", \"camera_model\": \""u8).Text(model).Raw("\"}"u8);
            Counts.Images++;
        }
        else
        {
            WriteOrder(key, customer, ticks, "NEW"u8);
            Counts.Orders++;
            if (_random.NextDouble() < OrderUpdateShare)
            {
                var later = ticks + 1 + _random.NextLong(TimeSpan.FromDays(30).Ticks);
                var line = index + 1 + _random.NextLong(Math.Max(1, Math.Min(MaxUpdateDelayLines, _options.Events / 20)));
                if (line < _options.Events)
                {
                    _updates.Enqueue(new PendingUpdate(key, customer, later), line);
                }
            }
        }
    }

    private void WriteOrder(ulong key, ulong customer, long ticks, ReadOnlySpan<byte> verb)
    {
        // Log-normal-ish: most orders are tens of dollars, a few are hundreds.
        var cents = (long)(Math.Exp(3.0 + (1.1 * Gaussian())) * 100) + 1;
        Begin("ORDER"u8, verb, key, ticks).Raw("\", \"customer_id\": \""u8).Key(customer)
            .Raw("\", \"total_amount\": \""u8).Cents(cents).Raw(" USD\"}"u8);
    }

    private void WriteCustomer(long customer, long ticks, ReadOnlySpan<byte> verb)
    {
        var (city, state) = _random.Pick(WordLists.Places);
        Begin("CUSTOMER"u8, verb, HexKeys.Scramble((ulong)customer), ticks)
            .Raw("\", \"last_name\": \""u8).Text(_random.Pick(WordLists.LastNames))
            .Raw("\", \"adr_city\": \""u8).Text(city).Raw("\", \"adr_state\": \""u8).Text(state).Raw("\"}"u8);
    }

    private LineBuilder Begin(ReadOnlySpan<byte> type, ReadOnlySpan<byte> verb, ulong key, long ticks) =>
        _line.Raw("{\"type\": \""u8).Raw(type).Raw("\", \"verb\": \""u8).Raw(verb)
            .Raw("\", \"key\": \""u8).Key(key).Raw("\", \"event_time\": \""u8).Time(ticks);

    /// <summary>The NEW order lines the file will hold, about: its activity lines after duplicates and CUSTOMER lines, times the order share.</summary>
    private long ExpectedOrderLines()
    {
        var customerLines = (CustomerNewShare + CustomerUpdateShare) * _options.Customers / _options.Events;
        return (long)(_options.Events * (1 - DuplicateShare) * (1 - customerLines) * (1 - VisitShare - ImageShare));
    }

    /// <summary>A customer for an activity event, skewed so a few customers are very active.</summary>
    private long ActiveCustomer()
    {
        var rank = (long)(_options.Customers * Math.Pow(_random.NextDouble(), 1.5));
        return (rank * _customerStride) % _options.Customers;
    }

    private long RandomTime() => Start + (_random.NextLong(Year / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond);

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private void Remember()
    {
        var slot = (int)(_recentCount++ % RecentLines);
        var buffer = _recent[slot];
        if (buffer is null || buffer.Length < _line.Length)
        {
            buffer = _recent[slot] = new byte[Math.Max(512, _line.Length)];
        }

        _line.Span.CopyTo(buffer);
        _recentLength[slot] = _line.Length;
    }

    /// <summary>A stride coprime to the customer count, so rank → customer is a permutation.</summary>
    private static long CoprimeStride(long customers)
    {
        var stride = Math.Max(1, (long)(customers * 0.6180339887)) | 1;
        while (Gcd(stride, customers) != 1)
        {
            stride += 2;
        }

        return stride % Math.Max(1, customers) == 0 ? 1 : stride;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private readonly record struct PendingUpdate(ulong Key, ulong Customer, long Ticks);
}
