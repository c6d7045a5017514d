using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>
/// Validates one JSON record against the contract and fills <see cref="EventFields"/>, or gives the
/// reason a person can act on. It never guesses: anything outside the rules is a rejection.
/// </summary>
internal static class EventRecordParser
{
    private const int MaxShownValue = 80;

    private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions { MaxDepth = 64 };

    /// <summary>Parses and validates one record; on failure <paramref name="reason"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> record, ExchangeRateTable rates, out EventFields fields, out string reason) =>
        TryParse(record, rates, out fields, out _, out reason);

    /// <summary>
    /// Parses and validates one record; on failure <paramref name="kind"/> says whether it was not JSON at all
    /// (<see cref="EventRejectionKind.InvalidJson"/>) or broke a rule (<see cref="EventRejectionKind.InvalidEvent"/>).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool TryParse(ReadOnlySpan<byte> record, ExchangeRateTable rates, out EventFields fields, out EventRejectionKind kind, out string reason)
    {
        fields = default;
        kind = EventRejectionKind.InvalidEvent;
        if (PlainRecordScanner.TryScan(record, ref fields, out var seen, out var type, out var time, out var amount))
        {
            return Validate(
                ref fields,
                seen,
                record.Slice(type.Start, type.Length),
                null,
                record.Slice(time.Start, time.Length),
                null,
                record.Slice(amount.Start, amount.Length),
                null,
                false,
                rates,
                out reason);
        }

        // Not the plain shape: the general reader takes any JSON and names any syntax error.
        return TryParseWithReader(record, rates, out fields, out kind, out reason);
    }

    /// <summary>
    /// <c>TryParse</c> through <see cref="Utf8JsonReader"/> for every record, whatever its shape: the
    /// reference the plain-shape scanner must agree with.
    /// </summary>
    internal static bool TryParseWithReader(ReadOnlySpan<byte> record, ExchangeRateTable rates, out EventFields fields, out string reason) =>
        TryParseWithReader(record, rates, out fields, out _, out reason);

    private static bool TryParseWithReader(ReadOnlySpan<byte> record, ExchangeRateTable rates, out EventFields fields, out EventRejectionKind kind, out string reason)
    {
        fields = default;
        kind = EventRejectionKind.InvalidJson;
        try
        {
            // JSON text is UTF-8, and Utf8JsonReader does not check string values it is not asked to decode:
            // check the whole record here, so a bad byte rejects this record instead of failing the file later.
            Utf8.Validate(record);
            var valid = TryParseCore(record, rates, ref fields, out reason);
            kind = EventRejectionKind.InvalidEvent;
            return valid;
        }
        catch (JsonException ex)
        {
            reason = "invalid JSON: " + TrimJsonMessage(ex);
            return false;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports invalid UTF-8 and a few token problems this way.
            reason = "invalid JSON: " + ex.Message;
            return false;
        }
        catch (System.Text.DecoderFallbackException)
        {
            reason = "invalid JSON: the record is not valid UTF-8";
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> record, ExchangeRateTable rates, ref EventFields fields, out string reason)
    {
        var reader = new Utf8JsonReader(record, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        if (!reader.Read())
        {
            reason = "empty record";
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reason = $"the record is a JSON {JsonMessages.Describe(reader.TokenType)}, not an event object";
            return false;
        }

        var seen = RecordField.None;
        ReadOnlySpan<byte> typeBytes = default;
        ReadOnlySpan<byte> timeBytes = default;
        ReadOnlySpan<byte> amountBytes = default;
        string? typeText = null;
        string? timeText = null;
        string? amountText = null;
        var amountIsNumber = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            if (field != RecordField.Unknown && (seen & field) != 0)
            {
                reason = $"property '{reader.GetString()}' appears more than once";
                return false;
            }

            seen |= field;
            var name = field;
            reader.Read();
            switch (name)
            {
                case RecordField.Type:
                    if (!ReadRequiredString(ref reader, "type", out typeBytes, out typeText, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.Verb:
                    if (!ReadString(ref reader, "verb", ref fields.Verb, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.Key:
                    if (!ReadString(ref reader, "key", ref fields.Key, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.EventTime:
                    if (!ReadRequiredString(ref reader, "event_time", out timeBytes, out timeText, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.LastName:
                    if (!ReadString(ref reader, "last_name", ref fields.LastName, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.AdrCity:
                    if (!ReadString(ref reader, "adr_city", ref fields.AdrCity, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.AdrState:
                    if (!ReadString(ref reader, "adr_state", ref fields.AdrState, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.CustomerId:
                    if (!ReadString(ref reader, "customer_id", ref fields.CustomerId, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.CameraMake:
                    if (!ReadString(ref reader, "camera_make", ref fields.CameraMake, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.CameraModel:
                    if (!ReadString(ref reader, "camera_model", ref fields.CameraModel, out reason))
                    {
                        return false;
                    }

                    break;
                case RecordField.Tags:
                    var tagsStart = (int)reader.TokenStartIndex;
                    var tagsProblem = TagsReader.Validate(ref reader);
                    if (tagsProblem != null)
                    {
                        reason = tagsProblem;
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        fields.TagsJson = record.Slice(tagsStart, (int)reader.BytesConsumed - tagsStart);
                    }

                    break;
                case RecordField.TotalAmount:
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        amountBytes = reader.ValueSpan;
                        amountIsNumber = true;
                    }
                    else if (!ReadRequiredString(ref reader, "total_amount", out amountBytes, out amountText, out reason))
                    {
                        return false;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // The object is complete; anything after it (a second value, garbage) makes the reader throw here.
        if (reader.Read())
        {
            reason = "unexpected content after the event object";
            return false;
        }

        return Validate(ref fields, seen, typeBytes, typeText, timeBytes, timeText, amountBytes, amountText, amountIsNumber, rates, out reason);
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool Validate(
        ref EventFields fields,
        RecordField seen,
        ReadOnlySpan<byte> typeBytes,
        string? typeText,
        ReadOnlySpan<byte> timeBytes,
        string? timeText,
        ReadOnlySpan<byte> amountBytes,
        string? amountText,
        bool amountIsNumber,
        ExchangeRateTable rates,
        out string reason)
    {
        if ((seen & RecordField.Type) == 0)
        {
            reason = "missing required property 'type'";
            return false;
        }

        var typeSpan = typeText is null ? typeBytes : Utf8Of(typeText);
        if (typeSpan.SequenceEqual("ORDER"u8))
        {
            fields.Type = EventType.Order;
        }
        else if (typeSpan.SequenceEqual("SITE_VISIT"u8))
        {
            fields.Type = EventType.SiteVisit;
        }
        else if (typeSpan.SequenceEqual("IMAGE"u8))
        {
            fields.Type = EventType.Image;
        }
        else if (typeSpan.SequenceEqual("CUSTOMER"u8))
        {
            fields.Type = EventType.Customer;
        }
        else
        {
            reason = $"unknown type '{Shown(typeSpan)}' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)";
            return false;
        }

        if (!fields.Verb.IsPresent)
        {
            reason = "missing required property 'verb'";
            return false;
        }

        if (!VerbAllowed(fields.Type, ref fields.Verb))
        {
            reason = $"verb '{Shown(fields.Verb)}' is not valid for {EventTypeNames.ToWireName(fields.Type)} (expected {EventTypeNames.AllowedVerbs(fields.Type)})";
            return false;
        }

        if (!fields.Key.IsPresent)
        {
            reason = "missing required property 'key'";
            return false;
        }

        if (fields.Key.IsEmpty)
        {
            reason = "key must not be empty";
            return false;
        }

        if ((seen & RecordField.EventTime) == 0)
        {
            reason = "missing required property 'event_time'";
            return false;
        }

        var timeSpan = timeText is null ? timeBytes : Utf8Of(timeText);
        if (!IsoTimeParser.TryParseUtcTicks(timeSpan, out fields.UtcTicks, out var timeProblem))
        {
            reason = $"event_time '{Shown(timeSpan)}' " + (timeProblem ?? "is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)");
            return false;
        }

        if (fields.Type != EventType.Customer)
        {
            if (!fields.CustomerId.IsPresent)
            {
                reason = $"missing required property 'customer_id' for {EventTypeNames.ToWireName(fields.Type)}";
                return false;
            }

            if (fields.CustomerId.IsEmpty)
            {
                reason = "customer_id must not be empty";
                return false;
            }
        }

        if (fields.Type == EventType.Order)
        {
            if ((seen & RecordField.TotalAmount) == 0)
            {
                reason = "missing required property 'total_amount' for ORDER";
                return false;
            }

            var amountSpan = amountText is null ? amountBytes : Utf8Of(amountText);
            if (!AmountParser.TryParse(amountSpan, out var amount, out var currency, out var amountProblem))
            {
                reason = $"total_amount {(amountIsNumber ? string.Empty : "'")}{Shown(amountSpan)}{(amountIsNumber ? string.Empty : "'")} {amountProblem}";
                return false;
            }

            if (!rates.TryGetRate(currency, out var rate))
            {
                reason = $"currency '{currency}' has no rate (supply one with -ExchangeRate @{{ {currency} = <USD per {currency}> }})";
                return false;
            }

            decimal amountUsd;
            try
            {
                amountUsd = rate == 1m ? amount : amount * rate;
            }
            catch (OverflowException)
            {
                // Only an absurd rate gets here, but it must cost one record, not the whole file.
                reason = $"total_amount '{Shown(amountSpan)}' is too large once converted to USD at the rate given for {currency}";
                return false;
            }

            fields.HasAmount = true;
            fields.Amount = amount;
            fields.Currency = currency;
            fields.AmountUsd = amountUsd;
        }

        reason = string.Empty;
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool VerbAllowed(EventType type, ref JsonText verb)
    {
        var span = verb.Decoded is null ? verb.Utf8Bytes : Utf8Of(verb.Decoded);
        switch (type)
        {
            case EventType.Customer:
            case EventType.Order:
                return span.SequenceEqual("NEW"u8) || span.SequenceEqual("UPDATE"u8);
            case EventType.SiteVisit:
                return span.SequenceEqual("NEW"u8);
            case EventType.Image:
                return span.SequenceEqual("UPLOAD"u8);
            default:
                return false;
        }
    }

    private static RecordField Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return IdentifyName(Utf8Of(reader.GetString()!));
        }

        return IdentifyName(reader.ValueSpan);
    }

    [MethodImpl(HotPath.Optimized)]
    internal static RecordField IdentifyName(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 3 when name.SequenceEqual("key"u8): return RecordField.Key;
            case 4 when name.SequenceEqual("type"u8): return RecordField.Type;
            case 4 when name.SequenceEqual("verb"u8): return RecordField.Verb;
            case 4 when name.SequenceEqual("tags"u8): return RecordField.Tags;
            case 8 when name.SequenceEqual("adr_city"u8): return RecordField.AdrCity;
            case 9 when name.SequenceEqual("last_name"u8): return RecordField.LastName;
            case 9 when name.SequenceEqual("adr_state"u8): return RecordField.AdrState;
            case 10 when name.SequenceEqual("event_time"u8): return RecordField.EventTime;
            case 11 when name.SequenceEqual("customer_id"u8): return RecordField.CustomerId;
            case 11 when name.SequenceEqual("camera_make"u8): return RecordField.CameraMake;
            case 12 when name.SequenceEqual("camera_model"u8): return RecordField.CameraModel;
            case 12 when name.SequenceEqual("total_amount"u8): return RecordField.TotalAmount;
            default: return RecordField.Unknown;
        }
    }

    /// <summary>A string or null; any other JSON type is a rejection, since a guess could merge two customers.</summary>
    private static bool ReadString(scoped ref Utf8JsonReader reader, string name, ref JsonText target, out string reason)
    {
        reason = string.Empty;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reason = $"{name} must be a string, not a JSON {JsonMessages.Describe(reader.TokenType)}";
            return false;
        }

        target.IsPresent = true;
        if (reader.ValueIsEscaped)
        {
            target.Decoded = reader.GetString();
        }
        else
        {
            target.Utf8Bytes = reader.ValueSpan;
        }

        return true;
    }

    private static bool ReadRequiredString(scoped ref Utf8JsonReader reader, string name, out ReadOnlySpan<byte> bytes, out string? decoded, out string reason)
    {
        bytes = default;
        decoded = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reason = $"{name} must be a string, not a JSON {JsonMessages.Describe(reader.TokenType)}";
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            decoded = reader.GetString();
        }
        else
        {
            bytes = reader.ValueSpan;
        }

        reason = string.Empty;
        return true;
    }

    private static ReadOnlySpan<byte> Utf8Of(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string Shown(ReadOnlySpan<byte> value) => Utf8.ForMessage(value, MaxShownValue);

    private static string Shown(JsonText value) => value.Decoded ?? Utf8.ForMessage(value.Utf8Bytes, MaxShownValue);

    private static string TrimJsonMessage(JsonException ex) =>
        ex.BytePositionInLine.HasValue ? $"{JsonMessages.Reason(ex)} (at byte {ex.BytePositionInLine.Value + 1} of the record)" : JsonMessages.Reason(ex);
}
