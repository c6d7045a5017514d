using System;

namespace LtvTools.Core;

/// <summary>
/// The scale of the figures on output objects: money with exactly two decimals, ratios with at most six,
/// both rounded half away from zero. Ranking and ties are decided on the exact values before this.
/// </summary>
internal static class OutputScale
{
    public const int MoneyDecimals = 2;

    public const int RatioDecimals = 6;

    /// <summary>Rounded to cents, and always written with two decimals (<c>21515.00</c>, never <c>21515</c>).</summary>
    public static decimal Money(decimal value) => decimal.Round(value, MoneyDecimals, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal? Money(decimal? value) => value is decimal v ? Money(v) : (decimal?)null;

    /// <summary>Rounded to at most six decimals; shorter values keep their digits (<c>0.5</c>).</summary>
    public static decimal Ratio(decimal value) => decimal.Round(value, RatioDecimals, MidpointRounding.AwayFromZero);
}
