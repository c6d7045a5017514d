using System.Diagnostics;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>The core engine alone: <see cref="FileIngestor"/> from file to dataset, then the top customers.</summary>
internal sealed record CoreRun(LtvDataset Dataset, IngestSummary Summary, IReadOnlyList<LtvCustomer> Top, double IngestSeconds, double RankSeconds)
{
    /// <summary>Distinct keys the dataset holds: customers plus distinct visits, images and orders.</summary>
    public long DistinctKeys => (long)Dataset.CustomerCount + Dataset.DistinctVisits + Dataset.DistinctImages + Dataset.DistinctOrders;

    /// <param name="threads">0 for the ingestor's default (every core), 1 for a single-threaded pass.</param>
    public static CoreRun Execute(string path, int top, int threads = 0)
    {
        var clock = Stopwatch.StartNew();
        var dataset = new LtvDataset();
        var ingestor = new FileIngestor();
        if (threads > 0)
        {
            ingestor.MaxDegreeOfParallelism = threads;
        }

        var rejected = 0L;
        ingestor.Rejected = _ => rejected++;
        var summary = ingestor.IngestFile(path, dataset);
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var ranked = SimpleLtv.TopSimpleLtvCustomers(top, dataset);
        var rankSeconds = clock.Elapsed.TotalSeconds;
        if (rejected > 0)
        {
            throw new InvalidOperationException($"the core rejected {rejected} records of the generated file {path}");
        }

        return new CoreRun(dataset, summary, ranked, ingestSeconds, rankSeconds);
    }
}
