using System;
using System.Globalization;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>Accepts a discount rate per period of at least 0 and below 1 (ValidateRange cannot exclude its upper bound).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateDiscountRateAttribute : ValidateArgumentsAttribute
{
    /// <summary>Throws a validation error, naming the value, unless it is at least 0 and below 1.</summary>
    /// <exception cref="ValidationMetadataException">The rate is out of range.</exception>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        var rate = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!(rate >= 0 && rate < 1))
        {
            throw new ValidationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "The discount rate {0} is not at least 0 and below 1 (0.01 is 1% per period).",
                rate));
        }
    }
}
