using System.Globalization;
using System.Text;

namespace LtvTools.Core.Tests;

/// <summary>
/// The CDNOW sample (tests/data/cdnow, see its README) as this module's input: one ORDER event per transaction,
/// at midnight UTC of its date, for its amount in USD; and the published per-customer summaries to compare with.
/// Shared by the core and module tests (linked into both).
/// </summary>
internal static class CdnowData
{
    public static string Folder => Path.Combine(RepoRoot(), "tests", "data", "cdnow");

    /// <summary>The calibration end of the published summaries (39 weeks after 1997-01-01).</summary>
    public static readonly DateTime CalibrationEnd = new(1997, 9, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes the transactions as NDJSON ORDER events to <paramref name="path"/> and returns the path.</summary>
    public static string WriteEvents(string path)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var row in File.ReadLines(Path.Combine(Folder, "CDNOW_sample.txt")))
        {
            var fields = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            line++;
            var date = DateTime.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"ORDER\",\"verb\":\"NEW\",\"key\":\"cdnow-{line}\",\"event_time\":\"{date:yyyy-MM-dd}T00:00:00Z\",\"customer_id\":\"{int.Parse(fields[1], CultureInfo.InvariantCulture)}\",\"total_amount\":\"{fields[4]} USD\"}}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>cdnow_customers_summary_with_transactions.csv by ID: x, t_x, T (weeks, 2 decimals) and zbar.</summary>
    public static Dictionary<string, (int X, double Recency, double T, decimal Zbar)> PublishedSummaries()
    {
        var rows = new Dictionary<string, (int, double, double, decimal)>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "cdnow_customers_summary_with_transactions.csv")).Skip(1))
        {
            var f = line.Split(',');
            rows.Add(f[0], (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>cdnow_customers_summary.csv (lifetimes' names) by ID: frequency, recency, T.</summary>
    public static Dictionary<string, (int Frequency, double Recency, double T)> LifetimesSummaries()
    {
        var rows = new Dictionary<string, (int, double, double)>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "cdnow_customers_summary.csv")).Skip(1))
        {
            var f = line.Split(',');
            rows.Add(f[0], (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LtvTools.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LtvTools.sln not found above " + AppContext.BaseDirectory);
    }
}
