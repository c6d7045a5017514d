using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>
/// Turns the properties of an object into the file's record fields, so that an object passes the file
/// rules whichever of the two shapes it has: the file's names (<c>event_time</c>, <c>total_amount</c>) or
/// the <see cref="LtvEvent"/> names (<c>EventTime</c>, <c>TotalAmount</c> and <c>Currency</c>), in any case,
/// as PowerShell matches property names. The second shape is what this module's own events become after
/// Export-Csv / Import-Csv, Export-Clixml / Import-Clixml or ConvertTo-Json / ConvertFrom-Json.
/// </summary>
internal static class RecordPropertyNames
{
    private const string TotalAmountField = "total_amount";

    private static readonly Dictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = "type",
        ["verb"] = "verb",
        ["key"] = "key",
        ["event_time"] = "event_time",
        ["EventTime"] = "event_time",
        ["last_name"] = "last_name",
        ["LastName"] = "last_name",
        ["adr_city"] = "adr_city",
        ["AdrCity"] = "adr_city",
        ["adr_state"] = "adr_state",
        ["AdrState"] = "adr_state",
        ["customer_id"] = "customer_id",
        ["CustomerId"] = "customer_id",
        ["tags"] = "tags",
        ["camera_make"] = "camera_make",
        ["CameraMake"] = "camera_make",
        ["camera_model"] = "camera_model",
        ["CameraModel"] = "camera_model",
        [TotalAmountField] = TotalAmountField,
    };

    /// <summary>The name of <see cref="LtvEvent.Amount"/>, the culture-free amount text a saved event carries.</summary>
    private const string AmountProperty = nameof(LtvEvent.Amount);

    /// <summary>
    /// The properties under the file's field names. An empty string counts as absent (Import-Csv cannot
    /// tell an empty cell from a missing one); an EventTime or Tags as Export-Csv or ConvertTo-Json wrote
    /// them become the time and tags again; <c>Amount</c> (<c>12.34 USD</c>) is the <c>total_amount</c>, or
    /// when there is none, <c>TotalAmount</c> and <c>Currency</c> together are. Other names are kept as they are, so the file rules ignore them (AmountUsd, say,
    /// is worked out again from the rates).
    /// </summary>
    public static List<KeyValuePair<string, object?>> ToRecordFields(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var fields = new List<KeyValuePair<string, object?>>();
        object? amount = null;
        object? currency = null;
        object? amountText = null;
        foreach (var property in properties)
        {
            var value = property.Value is string text && text.Length == 0 ? null : property.Value;
            if (string.Equals(property.Key, AmountProperty, StringComparison.OrdinalIgnoreCase))
            {
                amountText = value;
            }
            else if (string.Equals(property.Key, nameof(LtvEvent.TotalAmount), StringComparison.OrdinalIgnoreCase))
            {
                amount = value;
            }
            else if (string.Equals(property.Key, nameof(LtvEvent.Currency), StringComparison.OrdinalIgnoreCase))
            {
                currency = value;
            }
            else if (Fields.TryGetValue(property.Key, out var field))
            {
                fields.Add(new KeyValuePair<string, object?>(field, FieldValue(field, value)));
            }
            else
            {
                fields.Add(new KeyValuePair<string, object?>(property.Key, value));
            }
        }

        // Amount ("12.34 USD") is culture-free, while TotalAmount is a number that Export-Csv wrote in the
        // writer's culture ("12,34" in de-DE): when a saved event has both, Amount is the one read, so the file
        // reads back the same in every culture and nothing guesses between 1.234 and 1,234.
        if (amountText != null)
        {
            fields.Add(new KeyValuePair<string, object?>(TotalAmountField, amountText));
        }
        else if (amount != null)
        {
            // "12.34" and "USD" are the file's "12.34 USD"; an amount alone stays a bare amount (USD).
            var written = amount is IFormattable number ? number.ToString(null, CultureInfo.InvariantCulture) : amount.ToString();
            fields.Add(new KeyValuePair<string, object?>(TotalAmountField, currency is null ? written : written + " " + currency));
        }

        return fields;
    }

    /// <summary>
    /// An EventTime or Tags as this module's own events were saved: tags as their text (Export-Csv), or
    /// either one as its public properties (ConvertTo-Json). Anything else is left for the file rules.
    /// </summary>
    private static object? FieldValue(string field, object? value)
    {
        switch (field)
        {
            case "event_time" when value is IEnumerable<KeyValuePair<string, object?>> written:
                return UtcTimestamp.FromProperties(written) ?? value;
            case "tags" when value is string text:
                return EventTags.FromText(text) ?? value;
            case "tags" when value is IEnumerable<KeyValuePair<string, object?>> written:
                return EventTags.FromProperties(written) ?? value;
            default:
                return value;
        }
    }
}
