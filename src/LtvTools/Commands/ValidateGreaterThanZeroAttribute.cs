using System;
using System.Globalization;
using System.Management.Automation;

namespace LtvTools.Commands
{
    /// <summary>
    /// Accepts only numbers above zero. ValidateRange cannot express an open lower bound for decimals in
    /// Windows PowerShell 5.1 (it has no Positive kind there).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateGreaterThanZeroAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (Convert.ToDecimal(value, CultureInfo.InvariantCulture) <= 0m)
            {
                throw new ValidationMetadataException(string.Format(CultureInfo.InvariantCulture, "The value {0} is not greater than zero.", value));
            }
        }
    }
}
