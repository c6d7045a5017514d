using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>One accepted event, flattened: every field of every event type, null where the event lacks it.</summary>
public sealed class LtvEvent
{
    private EventTags? _tags;
    private byte[]? _tagsJson;

    // Ids are held compactly, as the dataset keys them; their text is built on first use. Events read
    // from files mostly go straight into a dataset, so most of these strings are never needed.
    private readonly UtcTimestamp _eventTime;
    private CompactKey _key;
    private string? _keyText;
    private CompactKey? _customer;
    private string? _customerText;

    /// <summary>The names of the flattened fields, in row order (read-only: a cast to an array cannot change them).</summary>
    public static IReadOnlyList<string> FieldNames { get; } = Array.AsReadOnly(new[]
    {
        "Type", "Verb", "Key", "EventTime", "LastName", "AdrCity", "AdrState", "CustomerId",
        "Tags", "CameraMake", "CameraModel", "TotalAmount", "Currency",
    });

    /// <summary>
    /// An event built in code, for <see cref="SimpleLtv.Ingest"/>. Set the other fields through their properties;
    /// every type but CUSTOMER needs a <see cref="CustomerId"/>, and an order an amount in USD (<see cref="TotalAmount"/>
    /// with <see cref="Currency"/> USD or null, or <see cref="AmountUsd"/>).
    /// </summary>
    /// <param name="type">The event type.</param>
    /// <param name="verb">The verb as written in a file, such as NEW or UPDATE (not checked here).</param>
    /// <param name="key">The event's id: the customer id for CUSTOMER events, the visit, image or order id otherwise.</param>
    /// <param name="eventTime">When the event happened, in UTC.</param>
    public LtvEvent(EventType type, string verb, string key, UtcTimestamp eventTime)
    {
        TypeKind = type;
        Verb = verb ?? throw new ArgumentNullException(nameof(verb));
        _keyText = key ?? throw new ArgumentNullException(nameof(key));
        _key = CompactKey.FromString(key);
        _eventTime = eventTime;
    }

    /// <summary>An event read by the engine, whose ids are already in compact form.</summary>
    internal LtvEvent(EventType type, string verb, CompactKey key, CompactKey? customer, UtcTimestamp eventTime)
    {
        TypeKind = type;
        Verb = verb;
        _key = key;
        _customer = customer;
        _eventTime = eventTime;
    }

    /// <summary>The event type as written in the file: CUSTOMER, SITE_VISIT, IMAGE or ORDER.</summary>
    public string Type => EventTypeNames.ToWireName(TypeKind);

    /// <summary>The verb as written: NEW or UPDATE (CUSTOMER, ORDER), NEW (SITE_VISIT), UPLOAD (IMAGE).</summary>
    public string Verb { get; }

    /// <summary>The event's id: the customer id for CUSTOMER events, the visit, image or order id otherwise.</summary>
    public string Key => _keyText ??= _key.ToString();

    /// <summary>
    /// When the event happened, as a UTC DateTime (Kind Utc), so scripts get date parts, subtraction and
    /// ToLocalTime(). The module's type data makes it print as ISO 8601 in UTC in tables, Format-List and
    /// Export-Csv; ConvertTo-Json writes a DateTime as that text already.
    /// </summary>
    public DateTime EventTime => _eventTime.DateTime;

    /// <summary>The customer's last name (CUSTOMER events).</summary>
    public string? LastName { get; set; }

    /// <summary>The customer's city (CUSTOMER events).</summary>
    public string? AdrCity { get; set; }

    /// <summary>The customer's state (CUSTOMER events).</summary>
    public string? AdrState { get; set; }

    /// <summary>The customer the event is about; for CUSTOMER events this is the Key.</summary>
    public string? CustomerId
    {
        get => _customerText ??= _customer?.ToString();

        set
        {
            _customerText = value;
            _customer = value is null ? (CompactKey?)null : CompactKey.FromString(value);
        }
    }

    /// <summary>The visit's tags; read from the record's JSON on first use, since most callers never look.</summary>
    public EventTags? Tags
    {
        get
        {
            if (_tags is null && _tagsJson != null)
            {
                _tags = TagsReader.Read(_tagsJson);
                _tagsJson = null;
            }

            return _tags;
        }

        set
        {
            _tags = value;
            _tagsJson = null;
        }
    }

    /// <summary>The camera make of an uploaded image (IMAGE events).</summary>
    public string? CameraMake { get; set; }

    /// <summary>The camera model of an uploaded image (IMAGE events).</summary>
    public string? CameraModel { get; set; }

    /// <summary>The order amount as written, in <see cref="Currency"/>.</summary>
    public decimal? TotalAmount { get; set; }

    /// <summary>The three-letter currency code of <see cref="TotalAmount"/> (ORDER events).</summary>
    public string? Currency { get; set; }

    /// <summary>The order amount converted to USD with the rate supplied when the event was read.</summary>
    public decimal? AmountUsd { get; set; }

    /// <summary>
    /// The order amount and currency as one culture-free text, the file's <c>total_amount</c> form
    /// (<c>12.34 USD</c>, at least two decimals, never rounded); null when the event has no amount. Export-Csv
    /// writes numbers in the current culture, so this is the column that reads back the same in any culture:
    /// the readers prefer it to TotalAmount and Currency.
    /// </summary>
    public string? Amount => TotalAmount is decimal amount ? MoneyText.Invariant(amount) + " " + (Currency ?? AmountParser.DefaultCurrency) : null;

    internal EventType TypeKind { get; }

    /// <summary>The key as the dataset holds it.</summary>
    internal CompactKey CompactKey => _key;

    /// <summary>The customer id as the dataset holds it; null when the event names none.</summary>
    internal CompactKey? CompactCustomer => _customer;

    internal void SetTagsJson(byte[] tagsJson)
    {
        _tags = null;
        _tagsJson = tagsJson;
    }

    /// <summary>The flattened row, in the order of <see cref="FieldNames"/>.</summary>
    public object?[] ToRow() => new object?[]
    {
        Type, Verb, Key, _eventTime, LastName, AdrCity, AdrState, CustomerId,
        Tags, CameraMake, CameraModel, TotalAmount, Currency,
    };

    /// <summary>Type, verb, key and time, for a quick look (tables use the format view).</summary>
    public override string ToString() => $"{Type} {Verb} {Key} {_eventTime}";
}
