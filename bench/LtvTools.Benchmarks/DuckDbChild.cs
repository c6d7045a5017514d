using System.Diagnostics;
using DuckDB.NET.Data;

namespace LtvTools.Benchmarks;

/// <summary>
/// DuckDB as a user runs it: a fresh process opens an in-memory database and runs the query <c>calls</c>
/// times on one connection (the first is the cold query, the rest show steady state).
/// </summary>
internal static class DuckDbChild
{
    public const string Best = "best";
    public const string Exact = "exact";

    /// <summary>The parent's side: one child process, its calls timed inside and the process timed outside.</summary>
    public static HostCalls Measure(string query, string file, int calls)
    {
        var self = Environment.ProcessPath ?? throw new BenchFailure("cannot find this executable to start a child");
        var start = new ProcessStartInfo(self);
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(DuckDbChild).Assembly.Location);
        }

        foreach (var arg in new[] { "duckdb-child", "--query", query, "--file", file, "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return HostCalls.Run(start, $"DuckDB child ({query} query)");
    }

    /// <summary>The child's side.</summary>
    public static int Run(string query, string file, int calls)
    {
        var array = FileLayout.IsArray(file);
        var seconds = new List<double>(calls);
        IReadOnlyList<TopRow> rows = Array.Empty<TopRow>();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = query switch
            {
                Best => DuckDbBestPeer.TopRows(connection, file, array, 10),
                Exact => DuckDbPeer.TopCustomers(connection, file, array, 10)
                    .Select(c => new TopRow(c.CustomerId, null, null, null, 0, 0, c.TotalSpend, 0, c.Ltv)).ToList(),
                _ => throw new ArgumentException($"unknown query '{query}' (best or exact)"),
            };
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(HostCalls.Json(seconds, rows));
        return 0;
    }
}
