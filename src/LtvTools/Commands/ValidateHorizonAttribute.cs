using System;
using System.Globalization;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Accepts a forecast horizon above 0 and at most <see cref="CustomerForecast.MaxHorizon"/> periods (ValidateRange has no open bound in Windows PowerShell 5.1).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateHorizonAttribute : ValidateNumberAttribute
{
    /// <inheritdoc/>
    protected override string? Refuse(object value)
    {
        var horizon = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return !(horizon > 0 && horizon <= CustomerForecast.MaxHorizon)
            ? string.Format(
                CultureInfo.InvariantCulture,
                "The horizon {0} is not greater than zero and at most {1} periods.",
                horizon,
                CustomerForecast.MaxHorizon)
            : null;
    }
}
