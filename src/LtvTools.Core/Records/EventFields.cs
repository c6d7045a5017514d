using System;

namespace LtvTools.Core;

/// <summary>
/// One validated record, before anything is allocated for it: the engine aggregates from this directly,
/// and <see cref="ToEvent"/> builds the public <see cref="LtvEvent"/> only when a caller wants objects.
/// </summary>
internal ref struct EventFields
{
    public EventType Type;
    public JsonText Verb;
    public JsonText Key;
    public long UtcTicks;
    public JsonText LastName;
    public JsonText AdrCity;
    public JsonText AdrState;
    public JsonText CustomerId;
    public ReadOnlySpan<byte> TagsJson;
    public JsonText CameraMake;
    public JsonText CameraModel;
    public bool HasAmount;
    public decimal Amount;
    public string Currency;
    public decimal AmountUsd;

    /// <summary>The customer the event is about: the key of a CUSTOMER event, else its customer_id.</summary>
    public readonly CompactKey CustomerKey() => Type == EventType.Customer ? Key.ToKey() : CustomerId.ToKey();

    /// <summary>The verb as a shared string: verbs are few, and events are many.</summary>
    private readonly string? KnownVerb()
    {
        if (Verb.Decoded != null)
        {
            return null;
        }

        var verb = Verb.Utf8Bytes;
        if (verb.SequenceEqual("NEW"u8))
        {
            return "NEW";
        }

        if (verb.SequenceEqual("UPDATE"u8))
        {
            return "UPDATE";
        }

        return verb.SequenceEqual("UPLOAD"u8) ? "UPLOAD" : null;
    }

    public readonly LtvEvent ToEvent(Utf8TextCache? texts = null)
    {
        var key = Key.ToKey();
        var customer = Type == EventType.Customer ? key : CustomerId.IsPresent ? CustomerId.ToKey() : (CompactKey?)null;
        var result = new LtvEvent(Type, KnownVerb() ?? Verb.ToText()!, key, customer, new UtcTimestamp(UtcTicks))
        {
            LastName = texts?.Text(LastName) ?? LastName.ToText(),
            AdrCity = texts?.Text(AdrCity) ?? AdrCity.ToText(),
            AdrState = texts?.Text(AdrState) ?? AdrState.ToText(),
            CameraMake = texts?.Text(CameraMake) ?? CameraMake.ToText(),
            CameraModel = texts?.Text(CameraModel) ?? CameraModel.ToText(),
        };

        if (!TagsJson.IsEmpty)
        {
            result.SetTagsJson(TagsJson.ToArray());
        }

        if (HasAmount)
        {
            result.TotalAmount = Amount;
            result.Currency = Currency;
            result.AmountUsd = AmountUsd;
        }

        return result;
    }
}
