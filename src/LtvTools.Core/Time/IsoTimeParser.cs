using System;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Strict ISO 8601 / RFC 3339 timestamps: <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>, converted to UTC ticks.
/// </summary>
/// <remarks>
/// Hand-written because it runs once per event on the hot path, and because the general .NET parsers
/// accept local times and culture forms that the contract must reject.
/// </remarks>
internal static class IsoTimeParser
{
    [MethodImpl(HotPath.Optimized)]
    public static bool TryParseUtcTicks(ReadOnlySpan<byte> text, out long utcTicks, out string? problem)
    {
        utcTicks = 0;
        problem = null;

        // Shortest valid form: 2017-01-06T12:46:46Z (20 bytes); 19 bytes is a time that lacks only its offset.
        if (text.Length < 19 || text.Length > 40)
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || text[4] != '-' ||
            !TryDigits(text, 5, 2, out var month) || text[7] != '-' ||
            !TryDigits(text, 8, 2, out var day) || (text[10] != 'T' && text[10] != 't') ||
            !TryDigits(text, 11, 2, out var hour) || text[13] != ':' ||
            !TryDigits(text, 14, 2, out var minute) || text[16] != ':' ||
            !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < text.Length && IsDigit(text[position]))
            {
                // Beyond 100 ns the digits are dropped: ticks are the engine's resolution.
                if (digits < FractionDigitTicks.Length)
                {
                    fractionTicks += (text[position] - '0') * FractionDigitTicks[digits];
                }

                digits++;
                position++;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        if (position >= text.Length)
        {
            problem = "has no UTC offset (end it with Z or an offset such as +02:00)";
            return false;
        }

        long offsetTicks;
        var designator = text[position];
        if (designator == 'Z' || designator == 'z')
        {
            offsetTicks = 0;
            position++;
        }
        else if (designator == '+' || designator == '-')
        {
            position++;
            if (!TryDigits(text, position, 2, out var offsetHours))
            {
                return false;
            }

            position += 2;
            if (position < text.Length && text[position] == ':')
            {
                position++;
            }

            if (!TryDigits(text, position, 2, out var offsetMinutes))
            {
                return false;
            }

            position += 2;
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offsetTicks = (offsetHours * TimeSpan.TicksPerHour) + (offsetMinutes * TimeSpan.TicksPerMinute);
            if (designator == '-')
            {
                offsetTicks = -offsetTicks;
            }
        }
        else
        {
            return false;
        }

        if (position != text.Length)
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var ticks = localTicks - offsetTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            problem = "is outside the range of years 0001 to 9999 in UTC";
            return false;
        }

        utcTicks = ticks;
        return true;
    }

    // Ticks of one unit of each fraction digit (0.1 s down to 100 ns): a lookup, not a division per digit.
    private static readonly long[] FractionDigitTicks = { 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
