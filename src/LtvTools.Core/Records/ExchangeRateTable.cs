using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>Rates to USD for the non-USD currencies a caller accepts (USD per one unit of the currency).</summary>
public sealed class ExchangeRateTable
{
    private readonly Dictionary<string, decimal> _rates;

    /// <summary>An empty table: only USD amounts are accepted.</summary>
    public ExchangeRateTable()
        : this(new Dictionary<string, decimal>())
    {
    }

    /// <summary>A table of rates to USD, keyed by currency code (matched in any case, surrounding spaces trimmed).</summary>
    /// <param name="rates">Currency code and USD per one unit of it; a rate for USD itself may only be 1.</param>
    /// <exception cref="ArgumentException">A code is empty, a rate is zero or negative, or USD is given a rate other than 1.</exception>
    public ExchangeRateTable(IEnumerable<KeyValuePair<string, decimal>> rates)
    {
        if (rates is null)
        {
            throw new ArgumentNullException(nameof(rates));
        }

        _rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in rates)
        {
            if (string.IsNullOrWhiteSpace(pair.Key))
            {
                throw new ArgumentException("A currency code is empty.", nameof(rates));
            }

            if (pair.Value <= 0)
            {
                throw new ArgumentException($"The rate for '{pair.Key}' must be greater than zero.", nameof(rates));
            }

            var currency = pair.Key.Trim();

            // USD amounts are taken as written, so another rate for USD would be ignored without a word.
            if (string.Equals(currency, AmountParser.DefaultCurrency, StringComparison.OrdinalIgnoreCase) && pair.Value != 1m)
            {
                throw new ArgumentException($"USD is the currency results are in, so its rate is 1, not {pair.Value.ToString(CultureInfo.InvariantCulture)}; leave it out.", nameof(rates));
            }

            _rates[currency] = pair.Value;
        }
    }

    /// <summary>
    /// A rate written as text, read strictly: invariant digits with at most one '.', nothing else (no sign,
    /// no group separator, no exponent, no spaces). '1,08' is refused rather than read as 108, the invariant
    /// culture's reading of a German 1.08.
    /// </summary>
    public static bool TryParseRate(string text, out decimal rate)
    {
        rate = 0m;
        if (text is null || text.Length == 0)
        {
            return false;
        }

        var sawDigit = false;
        var sawPoint = false;
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                sawDigit = true;
            }
            else if (c == '.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                return false;
            }
        }

        return sawDigit && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rate);
    }

    /// <summary>No rates: only USD amounts are accepted.</summary>
    public static ExchangeRateTable UsdOnly { get; } = new ExchangeRateTable();

    /// <summary>The number of currencies given a rate (USD, always 1, is not counted unless it was given).</summary>
    public int Count => _rates.Count;

    /// <summary>Each currency the caller gave a rate for, and the rate.</summary>
    internal IEnumerable<KeyValuePair<string, decimal>> All => _rates;

    /// <summary>The rate to USD, or false when the caller supplied none (USD is always 1).</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool TryGetRate(string currency, out decimal rate)
    {
        if (string.Equals(currency, AmountParser.DefaultCurrency, StringComparison.Ordinal))
        {
            rate = 1m;
            return true;
        }

        return _rates.TryGetValue(currency, out rate);
    }
}
