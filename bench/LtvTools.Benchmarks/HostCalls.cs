using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>What one fresh process reported: the seconds of each call it made, its last answer, its peak working set.</summary>
internal sealed record HostCalls(IReadOnlyList<double> Seconds, IReadOnlyList<TopRow> Rows, long PeakWorkingSetBytes)
{
    /// <summary>What a counting pipeline end passed on, or -1 when the call returned rows.</summary>
    public long Count { get; init; } = -1;

    /// <summary>Wall time of the whole process, from start to exit, as the parent saw it.</summary>
    public double ProcessSeconds { get; init; }

    /// <summary>Starts <paramref name="start"/>, waits for it, and reads the JSON it printed last.</summary>
    public static HostCalls Run(ProcessStartInfo start, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new BenchFailure($"could not start {what}");
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || last is null || !last.StartsWith('{'))
        {
            throw new BenchFailure($"{what} failed (exit {child.ExitCode}): {output}{errors.Result}");
        }

        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        var rows = new List<TopRow>();
        foreach (var row in Array(root.GetProperty("rows")))
        {
            rows.Add(new TopRow(
                row.GetProperty("CustomerId").GetString()!,
                Text(row, "LastName"),
                Text(row, "City"),
                Text(row, "State"),
                Number(row, "SiteVisits"),
                Number(row, "Orders"),
                row.GetProperty("TotalSpend").GetDecimal(),
                Number(row, "TotalWeeks"),
                row.GetProperty("Ltv").GetDecimal()));
        }

        return new HostCalls(
            Array(root.GetProperty("seconds")).Select(s => s.GetDouble()).ToList(),
            rows,
            root.GetProperty("peak").GetInt64())
        {
            ProcessSeconds = seconds,
            Count = root.TryGetProperty("count", out var count) ? count.GetInt64() : -1,
        };
    }

    /// <summary>The child's side: one JSON line with the call times, the rows of the last call and the peak.</summary>
    public static string Json(IEnumerable<double> seconds, IEnumerable<TopRow> rows)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return JsonSerializer.Serialize(new { seconds, rows, peak = self.PeakWorkingSet64 });
    }

    // ConvertTo-Json writes a single object, not a list, when there is one row.
    private static IEnumerable<JsonElement> Array(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : new[] { element };

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
