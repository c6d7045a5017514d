using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Customer summaries given on the pipeline: LtvCustomerSummary objects, or any object with Frequency,
/// Recency and T under this module's, lifetimes' or the paper's names (Import-Csv rows included). Each bad
/// one becomes a non-terminating error naming it; the rest are kept.
/// </summary>
internal sealed class SummaryInput
{
    private static readonly string[] FrequencyNames = { "Frequency", "x" };

    private int _position;

    public List<LtvCustomerSummary> Summaries { get; } = new List<LtvCustomerSummary>();

    /// <summary>
    /// True for a summary rather than an event: an LtvCustomerSummary, or an object with a frequency (or x)
    /// and a T but no event type.
    /// </summary>
    public static bool IsSummary(object input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (value is LtvCustomerSummary)
        {
            return true;
        }

        if (value is LtvEvent || value is string || value is FileSystemInfo || (value is IEnumerable && !(value is IDictionary)))
        {
            return false;
        }

        var frequency = false;
        var age = false;
        foreach (var property in PropertyBag.From(input))
        {
            if (string.Equals(property.Key, "type", System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var name in FrequencyNames)
            {
                frequency |= string.Equals(property.Key, name, System.StringComparison.OrdinalIgnoreCase);
            }

            age |= string.Equals(property.Key, "T", System.StringComparison.OrdinalIgnoreCase);
        }

        return frequency && age;
    }

    /// <summary>Takes one summary object (arrays given as an argument element by element); writes an error for a bad one.</summary>
    public void Take(object? input, Cmdlet cmdlet)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (value is null)
        {
            return;
        }

        if (value is IEnumerable items && !(value is string) && !(value is IDictionary))
        {
            foreach (var item in items)
            {
                Take(item, cmdlet);
            }

            return;
        }

        _position++;
        string? reason;
        LtvCustomerSummary? summary;
        if (value is LtvCustomerSummary typed)
        {
            summary = typed;
            reason = CustomerForecast.Check(typed);
        }
        else if (CustomerForecast.TryReadSummary(PropertyBag.From(input!), out summary, out var problem))
        {
            reason = null;
        }
        else
        {
            reason = problem;
        }

        if (reason is null && summary != null)
        {
            Summaries.Add(summary);
            return;
        }

        var name = summary?.CustomerId ?? IdOf(input!);
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Customer summary {0}{1} is not used: {2}.",
            _position,
            name is null ? string.Empty : " (CustomerId '" + name + "')",
            reason);
        cmdlet.WriteError(new ErrorRecord(new InvalidDataException(message), "InvalidCustomerSummary", ErrorCategory.InvalidData, input));
    }

    private static string? IdOf(object input)
    {
        foreach (var property in PropertyBag.From(input))
        {
            if (property.Value != null && (string.Equals(property.Key, "CustomerId", System.StringComparison.OrdinalIgnoreCase) ||
                string.Equals(property.Key, "customer_id", System.StringComparison.OrdinalIgnoreCase) ||
                string.Equals(property.Key, "ID", System.StringComparison.OrdinalIgnoreCase)))
            {
                return System.Convert.ToString(property.Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
