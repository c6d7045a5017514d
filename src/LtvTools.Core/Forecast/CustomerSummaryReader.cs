using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>
/// Reads a customer summary from an object's properties, under this module's names, lifetimes' names
/// (frequency, recency, T, monetary_value) or the paper's (x, t_x, T, zbar), and checks it.
/// </summary>
internal static class CustomerSummaryReader
{
    private static readonly string[] IdNames = { "CustomerId", "customer_id", "ID" };
    private static readonly string[] FrequencyNames = { "Frequency", "x" };
    private static readonly string[] RecencyNames = { "Recency", "t_x" };
    private static readonly string[] AgeNames = { "T" };
    private static readonly string[] MonetaryNames = { "MonetaryValue", "monetary_value", "zbar" };

    /// <summary>Why <paramref name="summary"/> cannot be used, or null when it can.</summary>
    public static string? Check(LtvCustomerSummary summary)
    {
        if (summary.Frequency < 0)
        {
            return Invariant($"frequency {summary.Frequency} is negative");
        }

        if (!IsNonNegative(summary.Recency))
        {
            return Invariant($"recency {summary.Recency} is negative or not a number");
        }

        if (!IsNonNegative(summary.T) || double.IsInfinity(summary.T))
        {
            return Invariant($"T {summary.T} is negative or not a finite number");
        }

        if (summary.Recency > summary.T)
        {
            return Invariant($"recency {summary.Recency} is greater than T {summary.T}");
        }

        if (summary.Frequency == 0 && summary.Recency != 0)
        {
            return Invariant($"recency {summary.Recency} is not 0 although frequency is 0 (recency runs from the first to the last purchase)");
        }

        if (summary.MonetaryValue < 0m)
        {
            return Invariant($"monetary value {summary.MonetaryValue} is negative");
        }

        return null;
    }

    public static bool TryFromProperties(IReadOnlyList<KeyValuePair<string, object?>> properties, out LtvCustomerSummary? summary, out string reason)
    {
        summary = null;
        if (!TryFind(properties, FrequencyNames, out var frequencyValue, out reason) ||
            !TryFind(properties, RecencyNames, out var recencyValue, out reason) ||
            !TryFind(properties, AgeNames, out var ageValue, out reason) ||
            !TryFind(properties, MonetaryNames, out var monetaryValue, out reason) ||
            !TryFind(properties, IdNames, out var idValue, out reason) ||
            !TryFind(properties, new[] { nameof(LtvCustomerSummary.TimeUnit) }, out var unitValue, out reason))
        {
            return false;
        }

        if (frequencyValue is null || recencyValue is null || ageValue is null)
        {
            reason = "the object has no frequency, recency and T (as Frequency, Recency, T; frequency, recency, T; or x, t_x, T)";
            return false;
        }

        if (!TryNumber(frequencyValue, "frequency", out var frequency, out reason) ||
            !TryNumber(recencyValue, "recency", out var recency, out reason) ||
            !TryNumber(ageValue, "T", out var age, out reason))
        {
            return false;
        }

        if (frequency < 0)
        {
            reason = Invariant($"frequency {frequency} is negative");
            return false;
        }

        if (frequency != Math.Floor(frequency) || frequency > int.MaxValue)
        {
            reason = Invariant($"frequency {frequency} is not a whole number of repeat purchases");
            return false;
        }

        decimal? monetary = null;
        if (monetaryValue != null)
        {
            if (!TryMoney(monetaryValue, out var money))
            {
                reason = $"monetary value '{Text(monetaryValue)}' is not a number";
                return false;
            }

            monetary = money;
        }

        var unit = ForecastTimeUnit.Week;
        if (unitValue != null && !Enum.TryParse(Text(unitValue), true, out unit))
        {
            reason = $"time unit '{Text(unitValue)}' is not Week or Day";
            return false;
        }

        var candidate = new LtvCustomerSummary
        {
            CustomerId = idValue is null ? null : Text(idValue),
            Frequency = (int)frequency,
            Recency = recency,
            T = age,
            MonetaryValue = monetary,
            TimeUnit = unit,
            FirstPurchase = Timestamp(properties, nameof(LtvCustomerSummary.FirstPurchase)),
            LastPurchase = Timestamp(properties, nameof(LtvCustomerSummary.LastPurchase)),
            CalibrationEnd = Timestamp(properties, nameof(LtvCustomerSummary.CalibrationEnd)),
        };

        var problem = Check(candidate);
        if (problem != null)
        {
            reason = problem;
            return false;
        }

        summary = candidate;
        return true;
    }

    private static bool IsNonNegative(double value) => value >= 0;

    /// <summary>The value of the one property named by any of <paramref name="names"/> (any case), null when absent or empty.</summary>
    private static bool TryFind(IReadOnlyList<KeyValuePair<string, object?>> properties, string[] names, out object? value, out string reason)
    {
        value = null;
        reason = string.Empty;
        string? found = null;
        foreach (var property in properties)
        {
            foreach (var name in names)
            {
                if (!string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (IsEmpty(property.Value))
                {
                    break;
                }

                if (found != null)
                {
                    reason = $"'{found}' and '{property.Key}' both give the {names[0]}";
                    return false;
                }

                found = property.Key;
                value = property.Value;
            }
        }

        return true;
    }

    private static bool IsEmpty(object? value) => value is null || (value is string text && text.Trim().Length == 0);

    private static bool TryNumber(object value, string name, out double number, out string reason)
    {
        reason = string.Empty;
        switch (value)
        {
            case double d:
                number = d;
                break;
            case float f:
                number = f;
                break;
            case decimal m:
                number = (double)m;
                break;
            case int i:
                number = i;
                break;
            case long l:
                number = l;
                break;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                if (value is IConvertible && !(value is string) && !(value is bool) && !(value is char) && !(value is DateTime))
                {
                    number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    break;
                }

                number = double.NaN;
                reason = $"{name} '{Text(value)}' is not a number";
                return false;
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            reason = $"{name} '{Text(value)}' is not a finite number";
            return false;
        }

        return true;
    }

    private static bool TryMoney(object value, out decimal money)
    {
        switch (value)
        {
            case decimal m:
                money = m;
                return true;
            case string text:
                return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out money);
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e15:
                money = (decimal)d;
                return true;
            case IConvertible _ when !(value is bool) && !(value is char) && !(value is DateTime) && !(value is double) && !(value is float):
                money = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case float f when !float.IsNaN(f) && !float.IsInfinity(f) && Math.Abs(f) < 1e15:
                money = (decimal)f;
                return true;
            default:
                money = 0m;
                return false;
        }
    }

    private static UtcTimestamp? Timestamp(IReadOnlyList<KeyValuePair<string, object?>> properties, string name)
    {
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                switch (property.Value)
                {
                    case UtcTimestamp timestamp:
                        return timestamp;
                    case DateTime time:
                        return new UtcTimestamp(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
                    case string text when IsoTimeParser.TryParseUtcTicks(System.Text.Encoding.UTF8.GetBytes(text.Trim()), out var ticks, out _):
                        return new UtcTimestamp(ticks);
                }
            }
        }

        return null;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
