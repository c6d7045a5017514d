using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>
/// Validates a single record that did not come from a file: JSON text, or the properties of an object
/// (for example what ConvertFrom-Json produced). Both go through the same rules as file records.
/// </summary>
internal static class EventRecord
{
    /// <summary>Parses and validates one JSON event object.</summary>
    public static bool TryParse(string json, ExchangeRateTable? rates, out LtvEvent? accepted, out string reason)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return TryParse(System.Text.Encoding.UTF8.GetBytes(json), rates, out accepted, out reason);
    }

    private static bool TryParse(byte[] utf8, ExchangeRateTable? rates, out LtvEvent? accepted, out string reason)
    {
        accepted = null;
        if (!EventRecordParser.TryParse(utf8, rates ?? ExchangeRateTable.UsdOnly, out var fields, out reason))
        {
            return false;
        }

        accepted = fields.ToEvent();
        return true;
    }

    /// <summary>
    /// Validates an event given as named properties: the file field names (type, verb, key, event_time,
    /// customer_id, total_amount, ...) or the <see cref="LtvEvent"/> names (EventTime, CustomerId,
    /// Amount, or TotalAmount and Currency, ...), in any case (see <see cref="RecordPropertyNames"/>). A UTC
    /// DateTime is taken as it is, a local one is converted to UTC, and one of unspecified kind is rejected
    /// as a file's time without an offset is; a DateTimeOffset is its instant. Nested lists and dictionaries
    /// become tags. <paramref name="json"/> is the record as validated, under the
    /// file field names.
    /// </summary>
    public static bool TryFromProperties(IEnumerable<KeyValuePair<string, object?>> properties, ExchangeRateTable? rates, out LtvEvent? accepted, out string reason, out string json)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var pair in RecordPropertyNames.ToRecordFields(properties))
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value, depth: 0);
                }

                writer.WriteEndObject();
            }

            var bytes = buffer.ToArray();
            json = System.Text.Encoding.UTF8.GetString(bytes);
            return TryParse(bytes, rates, out accepted, out reason);
        }
    }

    /// <summary>
    /// A DateTime as the file would have had it: a UTC one with Z, a local one converted to UTC, and one of
    /// unspecified kind (ConvertFrom-Json's reading of a time without an offset) without any offset, so the
    /// file rule rejects it for the same reason, rather than it being taken as UTC.
    /// </summary>
    private static string TimeText(DateTime value)
    {
        if (value.Kind != DateTimeKind.Unspecified)
        {
            return new UtcTimestamp(value).ToString();
        }

        var withZone = new UtcTimestamp(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString();
        return withZone.Substring(0, withZone.Length - 1);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 16)
        {
            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case UtcTimestamp timestamp:
                writer.WriteStringValue(timestamp.ToString());
                break;
            case DateTime dateTime:
                writer.WriteStringValue(TimeText(dateTime));
                break;
            case DateTimeOffset offset:
                writer.WriteStringValue(((UtcTimestamp)offset).ToString());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case EventTags tags:
                writer.WriteStartArray();
                foreach (var pair in tags.ToList())
                {
                    writer.WriteStartObject();
                    writer.WriteString(pair.Key, pair.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                writer.WriteStartObject();
                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Key);
                    WriteValue(writer, member.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
