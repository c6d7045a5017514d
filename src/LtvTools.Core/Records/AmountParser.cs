using System;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Parses <c>total_amount</c>: <c>"&lt;decimal&gt; &lt;currency&gt;"</c> or a bare decimal meaning USD,
/// in the invariant culture (a dot, no grouping, no exponent).
/// </summary>
internal static class AmountParser
{
    /// <summary>Integer digits allowed: a trillion-dollar order is already far beyond real data.</summary>
    public const int MaxIntegerDigits = 15;

    /// <summary>Fraction digits allowed; with the integer limit every amount is exact in a decimal.</summary>
    public const int MaxFractionDigits = 12;

    public const string DefaultCurrency = "USD";

    [MethodImpl(HotPath.Optimized)]
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal amount, out string currency, out string problem)
    {
        amount = 0;
        currency = DefaultCurrency;
        problem = string.Empty;

        var space = text.IndexOf((byte)' ');
        var number = space < 0 ? text : text.Slice(0, space);
        if (space >= 0)
        {
            var code = text.Slice(space + 1);
            if (!IsCurrencyCode(code))
            {
                problem = "currency must be a three-letter upper-case ISO 4217 code such as USD";
                return false;
            }

            currency = code.SequenceEqual("USD"u8) ? DefaultCurrency : Utf8.GetString(code);
        }

        if (number.Length > 0 && number[0] == '-')
        {
            problem = "is negative; refunds are not orders and are not accepted";
            return false;
        }

        ulong integerPart = 0;
        ulong fractionPart = 0;
        var integerDigits = 0;
        var fractionDigits = 0;
        var position = 0;
        while (position < number.Length && IsDigit(number[position]))
        {
            // Leading zeros do not count towards the limit.
            if (integerDigits > 0 || number[position] != '0')
            {
                integerDigits++;
            }

            if (integerDigits > MaxIntegerDigits)
            {
                problem = $"has more than {MaxIntegerDigits} integer digits";
                return false;
            }

            integerPart = (integerPart * 10) + (ulong)(number[position] - '0');
            position++;
        }

        var sawIntegerDigit = position > 0;
        if (position < number.Length && number[position] == '.')
        {
            position++;
            while (position < number.Length && IsDigit(number[position]))
            {
                fractionDigits++;
                if (fractionDigits > MaxFractionDigits)
                {
                    problem = $"has more than {MaxFractionDigits} decimal places";
                    return false;
                }

                fractionPart = (fractionPart * 10) + (ulong)(number[position] - '0');
                position++;
            }

            if (fractionDigits == 0)
            {
                return Invalid(out problem);
            }
        }

        if (!sawIntegerDigit || position != number.Length)
        {
            return Invalid(out problem);
        }

        amount = integerPart + new decimal((int)(fractionPart & 0xFFFFFFFF), (int)(fractionPart >> 32), 0, false, (byte)fractionDigits);
        return true;
    }

    private static bool Invalid(out string problem)
    {
        problem = "is not a decimal amount such as \"12.34 USD\"";
        return false;
    }

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    private static bool IsCurrencyCode(ReadOnlySpan<byte> code) =>
        code.Length == 3 && IsUpper(code[0]) && IsUpper(code[1]) && IsUpper(code[2]);

    private static bool IsUpper(byte b) => b >= 'A' && b <= 'Z';
}
