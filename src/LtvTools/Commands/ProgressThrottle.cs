using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// Writes progress at most every quarter second: Write-Progress is slow in some hosts, and a record
/// per event would cost more than reading the event.
/// </summary>
internal sealed class ProgressThrottle
{
    private const int CallsPerClockRead = 512;
    private static readonly long Interval = Stopwatch.Frequency / 4;

    private readonly int _activityId;
    private readonly string _activity;
    private long _lastShown;
    private long _doneAtClock;
    private int _callsSinceClock;
    private bool _open;

    public ProgressThrottle(int activityId, string activity)
    {
        _activityId = activityId;
        _activity = activity;
    }

    public void Report(Cmdlet cmdlet, string path, long done, long total)
    {
        // Callers report per record or per batch of thousands: reading the clock every time cost more than
        // a record on a busy virtual machine, so it is read every few hundred calls, or sooner once another
        // half percent of the file is done (per-batch callers would otherwise update every 2 s or so).
        if (_open && ++_callsSinceClock < CallsPerClockRead && done - _doneAtClock < (total > 0 ? total / 200 : 1L << 20))
        {
            return;
        }

        _callsSinceClock = 0;
        _doneAtClock = done;
        var now = Stopwatch.GetTimestamp();
        if (_open && now - _lastShown < Interval)
        {
            return;
        }

        _lastShown = now;
        _open = true;
        // A pipe has no length (total 0): the bytes read so far, and no percentage.
        cmdlet.WriteProgress(new ProgressRecord(
            _activityId,
            _activity,
            total > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} ({1:N0} of {2:N0} MB)", path, done >> 20, total >> 20)
                : string.Format(CultureInfo.InvariantCulture, "{0} ({1:N0} MB read)", path, done >> 20))
        {
            PercentComplete = total > 0 ? (int)Math.Min(100, done * 100 / total) : -1,
        });
    }

    public void Complete(Cmdlet cmdlet)
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
