using System;
using System.Globalization;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Accepts a forecast horizon above 0 and at most <see cref="CustomerForecast.MaxHorizon"/> periods (ValidateRange has no open bound in Windows PowerShell 5.1).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateHorizonAttribute : ValidateArgumentsAttribute
{
    /// <summary>Throws a validation error, naming the value, unless it is above zero and at most the maximum.</summary>
    /// <exception cref="ValidationMetadataException">The horizon is out of range.</exception>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        var horizon = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!(horizon > 0 && horizon <= CustomerForecast.MaxHorizon))
        {
            throw new ValidationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "The horizon {0} is not greater than zero and at most {1} periods.",
                horizon,
                CustomerForecast.MaxHorizon));
        }
    }
}
