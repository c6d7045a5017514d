using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// The module's number checks that ValidateRange cannot express in Windows PowerShell 5.1 (an open bound):
/// each subclass says only which values it refuses and why.
/// </summary>
internal abstract class ValidateNumberAttribute : ValidateArgumentsAttribute
{
    /// <summary>Throws a validation error with the subclass's message when it refuses the value.</summary>
    /// <exception cref="ValidationMetadataException">The value is out of range.</exception>
    protected sealed override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var problem = Refuse(arguments is PSObject wrapped ? wrapped.BaseObject : arguments);
        if (problem != null)
        {
            throw new ValidationMetadataException(problem);
        }
    }

    /// <summary>The message that refuses <paramref name="value"/>, or null when it is accepted.</summary>
    protected abstract string? Refuse(object value);
}
