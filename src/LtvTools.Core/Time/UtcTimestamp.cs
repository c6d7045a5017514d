using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>
/// A point in time in UTC whose text form is always ISO 8601 (<c>2017-01-06T12:55:55.555Z</c>).
/// </summary>
/// <remarks>
/// A plain DateTime prints in the current culture, and Export-Csv and Format-Table call ToString():
/// this type keeps every output column unambiguous while still converting implicitly to and from
/// DateTime, and parsing from strings, so PowerShell comparisons such as
/// <c>Where-Object EventTime -ge '2017-01-01'</c> work.
/// </remarks>
public readonly struct UtcTimestamp : IComparable, IComparable<UtcTimestamp>, IEquatable<UtcTimestamp>, IFormattable
{
    private readonly long _ticks;

    public UtcTimestamp(DateTime value)
    {
        // Unspecified is taken as UTC: the engine never produces local times.
        _ticks = value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;
    }

    public UtcTimestamp(long utcTicks)
    {
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(utcTicks));
        }

        _ticks = utcTicks;
    }

    /// <summary>
    /// The instant back from this type's public properties as a serializer that writes properties wrote
    /// them (ConvertTo-Json does): its Ticks. Null when there is no Ticks in range.
    /// </summary>
    internal static UtcTimestamp? FromProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, nameof(Ticks), StringComparison.OrdinalIgnoreCase) &&
                property.Value is long ticks && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
            {
                return new UtcTimestamp(ticks);
            }
        }

        return null;
    }

    /// <summary>The same instant as a UTC DateTime.</summary>
    public DateTime DateTime => new DateTime(_ticks, DateTimeKind.Utc);

    /// <summary>The same instant as a DateTimeOffset with a zero offset.</summary>
    public DateTimeOffset DateTimeOffset => new DateTimeOffset(_ticks, TimeSpan.Zero);

    public long Ticks => _ticks;

    public int Year => DateTime.Year;

    public DateTime Date => DateTime.Date;

    public static implicit operator DateTime(UtcTimestamp value) => value.DateTime;

    public static implicit operator UtcTimestamp(DateTime value) => new UtcTimestamp(value);

    public static implicit operator UtcTimestamp(DateTimeOffset value) => new UtcTimestamp(value.UtcTicks);

    public static bool operator ==(UtcTimestamp left, UtcTimestamp right) => left._ticks == right._ticks;

    public static bool operator !=(UtcTimestamp left, UtcTimestamp right) => left._ticks != right._ticks;

    public static bool operator <(UtcTimestamp left, UtcTimestamp right) => left._ticks < right._ticks;

    public static bool operator >(UtcTimestamp left, UtcTimestamp right) => left._ticks > right._ticks;

    public static bool operator <=(UtcTimestamp left, UtcTimestamp right) => left._ticks <= right._ticks;

    public static bool operator >=(UtcTimestamp left, UtcTimestamp right) => left._ticks >= right._ticks;

    /// <summary>
    /// Lenient parse for people typing dates: a date alone or a time without an offset is taken as UTC.
    /// Event files are validated by the strict parser instead.
    /// </summary>
    public static UtcTimestamp Parse(string text) => Parse(text, CultureInfo.InvariantCulture);

    public static UtcTimestamp Parse(string text, IFormatProvider? provider)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var parsed = DateTime.Parse(
            text,
            provider ?? CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new UtcTimestamp(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
    }

    public int CompareTo(UtcTimestamp other) => _ticks.CompareTo(other._ticks);

    public int CompareTo(object? obj)
    {
        switch (obj)
        {
            case null: return 1;
            case UtcTimestamp t: return CompareTo(t);
            case DateTime d: return CompareTo(new UtcTimestamp(d));
            case DateTimeOffset o: return CompareTo((UtcTimestamp)o);
            default: throw new ArgumentException("Object must be a UtcTimestamp or a DateTime.", nameof(obj));
        }
    }

    public bool Equals(UtcTimestamp other) => _ticks == other._ticks;

    public override bool Equals(object? obj) => obj is UtcTimestamp other && Equals(other);

    public override int GetHashCode() => _ticks.GetHashCode();

    /// <summary>ISO 8601 in UTC; the fraction is printed only as far as it has digits.</summary>
    public override string ToString()
    {
        var value = DateTime;
        var fraction = _ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            return value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var digits = fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        if (digits.Length < 3)
        {
            digits = digits.PadRight(3, '0');
        }

        return value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + digits + "Z";
    }

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? ToString() : DateTime.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);
}
