using System;
using System.Globalization;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// Accepts only valid wildcard patterns. WildcardPattern parses a pattern on its first match, which for a
/// filter applied to the results comes after the whole input is read: checked while binding, a stray '['
/// fails at once instead of after gigabytes.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateWildcardPatternAttribute : ValidateEnumeratedArgumentsAttribute
{
    /// <summary>Throws a validation error, naming the pattern, unless <paramref name="element"/> is a valid wildcard pattern.</summary>
    /// <exception cref="ValidationMetadataException">The pattern is not valid (for example a lone <c>[</c>).</exception>
    protected override void ValidateElement(object element)
    {
        var text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString() ?? string.Empty;
        try
        {
            new WildcardPattern(text, WildcardOptions.IgnoreCase).IsMatch(string.Empty);
        }
        catch (WildcardPatternException)
        {
            throw new ValidationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' is not a valid wildcard pattern; write a literal [ or ] as `[ or `].",
                text));
        }
    }
}
