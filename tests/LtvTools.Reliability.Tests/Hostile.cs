using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>Valid records to surround hostile ones with, and a check that the surrounding ones survive.</summary>
internal static class Hostile
{
    public const string Time = "2020-01-01T10:00:00Z";

    public static string GoodOrder(string key = "o1", string customer = "c1", string amount = "10.00 USD") =>
        Json.Order(key, customer, Time, amount);

    /// <summary>An ORDER record with one property's raw JSON replaced (or added when absent).</summary>
    public static string OrderWith(string property, string rawValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["type"] = "\"ORDER\"",
            ["verb"] = "\"NEW\"",
            ["key"] = "\"o9\"",
            ["event_time"] = $"\"{Time}\"",
            ["customer_id"] = "\"c9\"",
            ["total_amount"] = "\"1.00 USD\"",
        };
        fields[property] = rawValue;
        return "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "}";
    }

    /// <summary>
    /// Reads a file of a good order, <paramref name="bad"/> and another good order (NDJSON or a JSON array)
    /// and asserts that only the bad record is rejected, at its own line, with a reason containing
    /// <paramref name="reasonPart"/>.
    /// </summary>
    public static EventRejection AssertRejectedBetweenGoodRecords(string bad, bool array, string reasonPart)
    {
        using var files = new TestFiles();
        var records = new[] { GoodOrder("o1"), bad, GoodOrder("o2") };
        var run = Read(array ? files.Write("bad.json", Json.Array(records)) : files.Write("bad.jsonl", Json.Lines(records)));

        Assert.Equal(2, run.Summaries[0].Accepted);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(array ? 3 : 2, rejection.Line);
        Assert.Contains(reasonPart, rejection.Reason);
        Assert.Equal(20.00m, run.Top().Single().TotalSpend);
        return rejection;
    }

    /// <summary>Reads one file; asserts the accounting and that callbacks and summary agree.</summary>
    public static IngestRun Read(string path, int parallelism = 1)
    {
        var run = IngestRun.Of(parallelism: parallelism, paths: path);
        var summary = Assert.Single(run.Summaries);
        Assert.Equal(summary.Accepted + summary.Rejected, summary.RecordsRead);
        Assert.Equal(summary.Rejected, run.Rejections.Count);
        Assert.Equal(summary.Accepted, run.Dataset.EventsAccepted);
        Assert.All(run.Rejections, r => Assert.Equal(path, r.Source));
        Assert.All(run.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        return run;
    }
}
