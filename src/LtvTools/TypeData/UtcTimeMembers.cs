using System;
using System.Globalization;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// The code behind LtvTools.types.ps1xml: <c>LtvEvent.EventTime</c> and <c>LtvWeeklyMetric.WeekStart</c> as
/// PowerShell sees them. Each is the UTC <see cref="DateTime"/> itself (date parts, subtraction, comparison,
/// <c>ToLocalTime()</c> work as for any date), wrapped so that its text, which Format-Table, Format-List,
/// ToString() and Export-Csv use, is ISO 8601 in UTC in every culture instead of the culture's short
/// date, which would drop the milliseconds and the zone and would not read back.
/// </summary>
public static class UtcTimeMembers
{
    private static readonly System.Reflection.MethodInfo IsoToString = typeof(UtcTimeMembers).GetMethod(nameof(ToIsoString))!;

    /// <summary>The getter of the EventTime property of an LtvEvent.</summary>
    /// <param name="instance">The event, as PowerShell wraps it.</param>
    /// <returns>The event time as a UTC DateTime whose ToString() is ISO 8601.</returns>
    public static object? EventTime(PSObject instance) =>
        instance?.BaseObject is LtvEvent e ? Wrap(e.EventTime) : null;

    /// <summary>The getter of the WeekStart property of an LtvWeeklyMetric.</summary>
    /// <param name="instance">The row, as PowerShell wraps it.</param>
    /// <returns>The week's first day, midnight UTC, as a UTC DateTime whose ToString() is ISO 8601.</returns>
    public static object? WeekStart(PSObject instance) =>
        instance?.BaseObject is LtvWeeklyMetric row ? Wrap(row.WeekStart) : null;

    /// <summary>
    /// ToString() of a wrapped time: ISO 8601 in UTC (<c>2017-01-06T12:55:55.555Z</c>). With a format, the
    /// DateTime's own ToString(format), in the current culture unless a provider is given.
    /// </summary>
    /// <param name="instance">The wrapped DateTime.</param>
    /// <param name="format">A DateTime format string; none gives ISO 8601.</param>
    /// <param name="provider">The culture for <paramref name="format"/>; none is the current culture.</param>
    /// <returns>The text of the time.</returns>
    public static string ToIsoString(PSObject instance, string? format = null, IFormatProvider? provider = null)
    {
        var value = instance?.BaseObject is DateTime time ? time : default;
        return string.IsNullOrEmpty(format)
            ? new UtcTimestamp(value).ToString()
            : value.ToString(format, provider ?? CultureInfo.CurrentCulture);
    }

    private static PSObject Wrap(DateTime utc)
    {
        var wrapped = new PSObject(utc);
        wrapped.Members.Add(new PSCodeMethod("ToString", IsoToString));
        return wrapped;
    }
}
