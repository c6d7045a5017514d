using System;
using System.Globalization;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Accepts a lifespan above zero and at most <see cref="LtvOptions.MaxLifespanYears"/>. ValidateRange
/// cannot express an open lower bound for decimals in Windows PowerShell 5.1 (it has no Positive kind there).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateLifespanYearsAttribute : ValidateNumberAttribute
{
    /// <inheritdoc/>
    protected override string? Refuse(object value)
    {
        var years = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return years <= 0m || years > LtvOptions.MaxLifespanYears
            ? string.Format(
                CultureInfo.InvariantCulture,
                "The lifespan {0} is not greater than zero and at most {1} years.",
                value,
                LtvOptions.MaxLifespanYears)
            : null;
    }
}
