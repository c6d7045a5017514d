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
internal sealed class ValidateLifespanYearsAttribute : ValidateArgumentsAttribute
{
    /// <summary>Throws a validation error, naming the value, unless it is above zero and at most the maximum.</summary>
    /// <exception cref="ValidationMetadataException">The lifespan is out of range.</exception>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        var years = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (years <= 0m || years > LtvOptions.MaxLifespanYears)
        {
            throw new ValidationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "The lifespan {0} is not greater than zero and at most {1} years.",
                value,
                LtvOptions.MaxLifespanYears));
        }
    }
}
