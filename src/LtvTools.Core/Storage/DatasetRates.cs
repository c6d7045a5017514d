using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>
/// The exchange rates that shaped a dataset's USD amounts: every rate it was read with, and the rate of
/// each piped event in another currency. Two datasets that converted one currency at different rates
/// cannot be combined without making some amounts wrong, so that is refused.
/// </summary>
internal sealed class DatasetRates
{
    private readonly SortedDictionary<string, decimal> _rates = new SortedDictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    public int Count => _rates.Count;

    /// <summary>Each currency and its rate, in ordinal order of the code (case-insensitive).</summary>
    public IEnumerable<KeyValuePair<string, decimal>> All => _rates;

    public void CopyFrom(DatasetRates other)
    {
        foreach (var pair in other._rates)
        {
            _rates.Add(pair.Key, pair.Value);
        }
    }

    /// <summary>True for USD, which has no rate.</summary>
    public static bool IsUsd(string currency) => string.Equals(currency, AmountParser.DefaultCurrency, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="currency"/> is already recorded at <paramref name="rate"/>, so adopting it would change nothing.</summary>
    public bool Holds(string currency, decimal rate) => _rates.TryGetValue(currency, out var held) && held == rate;

    /// <summary>Records <paramref name="rate"/> for <paramref name="currency"/>; throws when another rate is already recorded for it.</summary>
    /// <exception cref="InvalidOperationException">The currency was converted at another rate.</exception>
    public void Adopt(string currency, decimal rate, string source)
    {
        if (IsUsd(currency))
        {
            return;
        }

        if (_rates.TryGetValue(currency, out var held))
        {
            if (held != rate)
            {
                throw new InvalidOperationException(
                    $"{source} converts {currency} at {rate.ToString(CultureInfo.InvariantCulture)} USD, but the dataset's {currency} amounts were converted at {held.ToString(CultureInfo.InvariantCulture)}; "
                    + "amounts made with two rates for one currency cannot be combined.");
            }

            return;
        }

        _rates.Add(currency, rate);
    }

    /// <summary>Throws (changing nothing) when any rate of <paramref name="other"/> conflicts; otherwise adopts them all.</summary>
    public void AdoptAll(IEnumerable<KeyValuePair<string, decimal>> other, string source)
    {
        var pending = new List<KeyValuePair<string, decimal>>(other);
        foreach (var pair in pending)
        {
            if (_rates.TryGetValue(pair.Key, out var held) && held != pair.Value)
            {
                Adopt(pair.Key, pair.Value, source);
            }
        }

        foreach (var pair in pending)
        {
            Adopt(pair.Key, pair.Value, source);
        }
    }
}
