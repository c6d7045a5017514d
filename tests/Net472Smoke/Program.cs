using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using LtvTools.Core;

namespace LtvTools.Net472Smoke;

/// <summary>
/// Reads each event file through LtvTools.Core as the cmdlets do (FileIngestor, then the ranking and the
/// weekly metrics) and writes one plain report: the ingest accounting, every rejection, the top customers
/// and every weekly metric, all in invariant text, so two runtimes' reports can be compared byte for byte.
/// </summary>
internal static class Program
{
    private const int Top = 25;

    private static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Net472Smoke <report file> <event file>...");
            return 2;
        }

        var report = new StringBuilder();
        report.Append("runtime-independent report of LtvTools.Core\n");
        for (var i = 1; i < args.Length; i++)
        {
            Describe(args[i], report);
        }

        File.WriteAllText(args[0], report.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"{RuntimeName()}: {args.Length - 1} files, report in {args[0]}");
        return 0;
    }

    private static void Describe(string path, StringBuilder report)
    {
        var rejections = new List<EventRejection>();
        var dataset = new LtvDataset();
        // Parallel on files above the threshold, as the cmdlets read them: threads and channels run too.
        var ingestor = new FileIngestor { Rejected = rejections.Add };
        var summary = ingestor.IngestFile(path, dataset);

        var name = Path.GetFileName(path);
        report.Append(Line("file", name, summary.Format, summary.Compressed, summary.Accepted, summary.Rejected, summary.DuplicatesIgnored, summary.Bytes));
        foreach (var rejection in rejections)
        {
            report.Append(Line("rejected", name, rejection.Line, rejection.Reason));
        }

        foreach (var c in SimpleLtv.TopSimpleLtvCustomers(Top, dataset))
        {
            report.Append(Line("top", name, c.Rank, c.CustomerId, c.LastName, c.City, c.State, c.SiteVisits, c.Orders, c.TotalSpend, c.TotalWeeks, c.SpendPerVisit, c.VisitsPerWeek, c.WeeklyValue, c.Ltv));
        }

        foreach (var w in SimpleLtv.WeeklyMetrics(dataset))
        {
            report.Append(Line("week", name, w.CustomerId, w.Year, w.Week, w.WeekStart, w.SiteVisits, w.Orders, w.OrderAmount, w.SpendPerVisit));
        }
    }

    private static string Line(params object?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (text.Length > 0)
            {
                text.Append('\t');
            }

            text.Append(field is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : field?.ToString() ?? "-");
        }

        return text.Append('\n').ToString();
    }

    private static string RuntimeName()
    {
        // Mono names its own version only through an internal method; Environment.Version is the CLR's (4.0.30319).
        var mono = Type.GetType("Mono.Runtime");
        var displayName = mono?.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static)?.Invoke(null, null);
        return mono != null ? "Mono " + displayName : ".NET " + Environment.Version;
    }
}
