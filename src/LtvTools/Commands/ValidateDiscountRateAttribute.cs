using System;
using System.Globalization;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>Accepts a discount rate per period of at least 0 and below 1 (ValidateRange cannot exclude its upper bound).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateDiscountRateAttribute : ValidateNumberAttribute
{
    /// <inheritdoc/>
    protected override string? Refuse(object value)
    {
        var rate = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return !(rate >= 0 && rate < 1)
            ? string.Format(
                CultureInfo.InvariantCulture,
                "The discount rate {0} is not at least 0 and below 1 (0.01 is 1% per period).",
                rate)
            : null;
    }
}
