using System.Globalization;

namespace LtvTools.Core;

/// <summary>Amounts as culture-free text, the form <c>total_amount</c> is read in.</summary>
internal static class MoneyText
{
    /// <summary>Invariant digits and '.', at least two decimals and every decimal the value has (never rounded).</summary>
    public static string Invariant(decimal amount) => (amount + 0.00m).ToString(CultureInfo.InvariantCulture);
}
