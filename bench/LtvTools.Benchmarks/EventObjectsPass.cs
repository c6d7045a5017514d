using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// Parse, validate and build one <see cref="LtvEvent"/> per record, with no dataset: what Import-LtvEvents
/// produces before PowerShell sees anything. Between the parse ceiling and the core, it shows where time goes.
/// </summary>
internal static class EventObjectsPass
{
    public static long CountEvents(string path)
    {
        long events = 0;
        using var reader = new EventFileReader(path);
        while (reader.Read(out var accepted, out var rejection))
        {
            if (rejection != null)
            {
                throw new BenchFailure($"{rejection.Source}:{rejection.Line}: {rejection.Reason}");
            }

            events += accepted != null ? 1 : 0;
        }

        return events;
    }
}
