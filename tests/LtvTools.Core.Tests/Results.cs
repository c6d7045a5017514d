using System.Globalization;
using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Everything a run produced, as text, so two runs can be compared exactly.</summary>
internal static class Results
{
    /// <summary>Customers (all of them, ranked), weekly rows with empty weeks, dataset counts and rejections.</summary>
    public static string Describe(IngestRun run, LtvOptions? options = null, bool withRejections = true)
    {
        var text = new StringBuilder();
        Append(text, run.Dataset, options);
        if (withRejections)
        {
            foreach (var r in run.Rejections)
            {
                text.Append("rejected ").Append(Path.GetFileName(r.Source)).Append(':').Append(r.Line).Append(' ').Append(r.Kind).Append(' ').Append(r.Reason).Append(" | ").AppendLine(r.RawText);
            }

            foreach (var s in run.Summaries)
            {
                text.AppendLine(FormattableString.Invariant($"summary read={s.RecordsRead} accepted={s.Accepted} rejected={s.Rejected} duplicates={s.DuplicatesIgnored}"));
            }
        }

        return text.ToString();
    }

    public static string Describe(LtvDataset dataset, LtvOptions? options = null)
    {
        var text = new StringBuilder();
        Append(text, dataset, options);
        return text.ToString();
    }

    private static void Append(StringBuilder text, LtvDataset d, LtvOptions? options)
    {
        text.AppendLine(FormattableString.Invariant(
            $"accepted={d.EventsAccepted} duplicates={d.DuplicatesIgnored} customers={d.CustomerCount} visits={d.DistinctVisits} images={d.DistinctImages} orders={d.DistinctOrders} earliest={d.EarliestEvent} latest={d.LatestEvent}"));
        foreach (var c in SimpleLtv.TopSimpleLtvCustomers(int.MaxValue, d, options))
        {
            text.AppendLine(FormattableString.Invariant(
                $"{c.Rank} {c.CustomerId} {c.LastName}|{c.City}|{c.State} visits={c.SiteVisits} orders={c.Orders} spend={c.TotalSpend} weeks={c.TotalWeeks} spv={c.SpendPerVisit} vpw={c.VisitsPerWeek} a={c.WeeklyValue} ltv={c.Ltv}"));
        }

        foreach (var w in SimpleLtv.WeeklyMetrics(d, options, includeEmptyWeeks: true))
        {
            text.AppendLine(FormattableString.Invariant(
                $"{w.CustomerId} {w.Year}-W{w.Week:00} {w.WeekStart} visits={w.SiteVisits} orders={w.Orders} amount={w.OrderAmount} spv={w.SpendPerVisit}"));
        }
    }

    /// <summary>Every accepted event of a file as objects, in input order, and every rejection.</summary>
    public static (List<LtvEvent> Events, List<EventRejection> Rejections, IngestSummary Summary) ReadEvents(string path, ExchangeRateTable? rates = null)
    {
        var events = new List<LtvEvent>();
        var rejections = new List<EventRejection>();
        using var reader = new EventFileReader(path, rates);
        while (reader.Read(out var accepted, out var rejection))
        {
            if (accepted != null)
            {
                events.Add(accepted);
            }
            else
            {
                rejections.Add(rejection!);
            }
        }

        return (events, rejections, reader.Summary);
    }

    public static UtcTimestamp Utc(string iso) => new(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).UtcTicks);
}
