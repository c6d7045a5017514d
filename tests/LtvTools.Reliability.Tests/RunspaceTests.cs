using System.Diagnostics;
using System.IO.Compression;
using System.Management.Automation;
using System.Text;
using CsCheck;
using LtvTools.Core.Tests;
using LtvTools.Module.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>Runspace tests run alone: they count the process's engine threads, which other tests would start too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunspaceCollection
{
    public const string Name = "Runspaces, run alone";
}

/// <summary>
/// Issue 5 through the built module (out/LtvTools) in hosted runspaces: the pipeline form equals the -Path
/// form, Stop() ends a big read at once with no handle or worker left, and two runspaces at once do not mix.
/// </summary>
[Collection(RunspaceCollection.Name)]
public class RunspaceTests
{
    private const string TopAll = "Get-TopLtvCustomer -Top 1000";

    /// <summary>A few generated streams, fixed by seed so the test reads the same files every run.</summary>
    private static IEnumerable<GeneratedEvent[]> Streams() =>
        Enumerable.Range(0, 4).Select(i => EventStreams.Stream(distinctTimes: i % 2 == 0).Generate(new PCG((uint)i, 20261125UL), null!, out _));

    [Fact]
    public void PipelineFormEqualsPathFormOnGeneratedFiles()
    {
        using var files = new TestFiles();
        using var ps = ModuleRunspace.Start();
        var index = 0;
        foreach (var stream in Streams())
        {
            var path = files.Write($"generated{index++}.jsonl", EventStreams.Ndjson(stream));
            var expected = ReferenceModel.Run(stream);

            var byPath = Rows(ps.Run($"{TopAll} -LiteralPath $args[0]", path).Clean());
            var byPipeline = Rows(ps.Run($"Import-LtvEvents -LiteralPath $args[0] | {TopAll}", path).Clean());
            var weeklyByPath = WeekRows(ps.Run("Get-LtvWeeklyMetrics -LiteralPath $args[0]", path).Clean());
            var weeklyByPipeline = WeekRows(ps.Run("Import-LtvEvents -LiteralPath $args[0] | Get-LtvWeeklyMetrics", path).Clean());

            Assert.Equal(expected.Top, byPath);
            Assert.Equal(expected.Top, byPipeline);
            Assert.Equal(expected.Weekly, weeklyByPath);
            Assert.Equal(expected.Weekly, weeklyByPipeline);
        }
    }

    /// <summary>
    /// The -Path form reads on engine threads (given 2 or more cores), and so does the pipeline form (Import-LtvEvents
    /// parses on a reader thread, Get-TopLtvCustomer aggregates on a writer thread); gzip reads on one engine thread.
    /// </summary>
    [Theory]
    [InlineData("Get-TopLtvCustomer -Path $args[0]", false, true)]
    [InlineData("Get-LtvWeeklyMetrics -Path $args[0]", false, true)]
    [InlineData("Import-LtvEvents -Path $args[0] | Get-TopLtvCustomer", false, true)]
    [InlineData("Get-TopLtvCustomer -Path $args[0]", true, false)]
    public void StopDuringABigReadReturnsAtOnceAndLeavesNoHandleOrWorker(string script, bool gzip, bool engineThreads)
    {
        using var files = new TestFiles();
        var path = WriteBigFile(files, orders: 1_500_000, gzip);
        using var ps = ModuleRunspace.Start();
        var workersBefore = EngineWorkerThreads();

        using var shell = PowerShell.Create();
        shell.Runspace = ps.Runspace;
        shell.AddScript(script).AddArgument(path);
        var reading = new ManualResetEventSlim();
        shell.Streams.Progress.DataAdded += (_, _) => reading.Set();
        var invocation = shell.BeginInvoke();
        Assert.True(reading.Wait(TimeSpan.FromSeconds(60)), "no progress: the read never started");
        Assert.False(invocation.IsCompleted, "the read finished before it could be stopped; make the file bigger");
        if (engineThreads && Environment.ProcessorCount >= 2)
        {
            var workersDuring = EngineWorkerThreads();
            Assert.True(workersDuring > workersBefore, $"{workersDuring} engine threads while reading, {workersBefore} before: the count does not see them");
        }

        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop() took {clock.Elapsed}");
        Assert.Empty(OpenHandlesTo(path));
        File.Delete(path);
        Assert.False(File.Exists(path));
        Assert.True(SpinWait.SpinUntil(() => EngineWorkerThreads() <= workersBefore, TimeSpan.FromSeconds(5)), $"{EngineWorkerThreads()} engine threads still running, {workersBefore} before");
    }

    /// <summary>
    /// Issue 18 point 7: with -IncludeEmptyWeeks the rows (here about 2.6 million: five customers over years 1
    /// to 9999) stream out one by one, so the first reaches the pipeline at once and Stop() ends the emission.
    /// </summary>
    [Fact]
    public void StopWhileWeeklyRowsStreamReturnsAtOnce()
    {
        using var files = new TestFiles();
        var lines = new[] { "0001-01-02", "2500-01-01", "5000-01-01", "7500-01-01", "9999-12-30" }
            .Select((day, i) => $"{{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v{i}\", \"event_time\": \"{day}T10:00:00Z\", \"customer_id\": \"c{i}\"}}");
        var path = files.Write("millennia.jsonl", string.Join("\n", lines) + "\n");
        using var ps = ModuleRunspace.Start();
        using var firstRow = new ManualResetEventSlim();
        ps.Runspace.SessionStateProxy.SetVariable("firstRow", firstRow);

        using var shell = PowerShell.Create();
        shell.Runspace = ps.Runspace;
        shell.AddScript("$script:rows = 0; Get-LtvWeeklyMetrics -LiteralPath $args[0] -IncludeEmptyWeeks | ForEach-Object { $script:rows++; $firstRow.Set() }").AddArgument(path);
        var invocation = shell.BeginInvoke();
        Assert.True(firstRow.Wait(TimeSpan.FromSeconds(60)), "no row came out");
        Assert.False(invocation.IsCompleted, "every row came out before the stop; make the window longer");

        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop() took {clock.Elapsed}");
        var rows = (int)ps.Runspace.SessionStateProxy.GetVariable("rows");
        Assert.InRange(rows, 1, 2_600_000 - 1);
    }

    [Fact]
    public async Task TwoRunspacesAtOnceOnDifferentFilesGiveIndependentCorrectResults()
    {
        using var files = new TestFiles();
        var streams = Streams().Take(2).ToArray();
        var paths = streams.Select((s, i) => files.Write($"parallel{i}.jsonl", EventStreams.Ndjson(Enumerable.Repeat(s, 2000).SelectMany(x => x)))).ToArray();
        using var first = ModuleRunspace.Start();
        using var second = ModuleRunspace.Start();

        using var start = new Barrier(2);
        var runs = new[] { (first, paths[0]), (second, paths[1]) }
            .Select(run => Task.Run(() =>
            {
                start.SignalAndWait();
                return Enumerable.Range(0, 3).Select(_ => Rows(run.Item1.Run($"{TopAll} -LiteralPath $args[0]", run.Item2).Clean())).ToList();
            }))
            .ToArray();
        var results = await Task.WhenAll(runs);

        for (var i = 0; i < 2; i++)
        {
            var expected = ReferenceModel.Run(Enumerable.Repeat(streams[i], 2000).SelectMany(x => x).ToList()).Top;
            Assert.All(results[i], rows => Assert.Equal(expected, rows));
        }
    }

    [Fact]
    public void ModuleHasNoStaticStateACallerCouldChange()
    {
        using var ps = ModuleRunspace.Start();
        var module = (PSModuleInfo)ps.ImportResult.Output.Single().BaseObject;

        Assert.NotNull(module.ImplementingAssembly);
        Assert.Empty(StaticState.MutableIn(module.ImplementingAssembly));
    }

    private static List<CustomerRow> Rows(ScriptResult result) =>
        result.Output.Select(o => CustomerRow.Of((LtvTools.Core.LtvCustomer)o.BaseObject)).ToList();

    private static List<WeekRow> WeekRows(ScriptResult result) =>
        result.Output.Select(o => WeekRow.Of((LtvTools.Core.LtvWeeklyMetric)o.BaseObject)).ToList();

    private static string WriteBigFile(TestFiles files, int orders, bool gzip)
    {
        var path = Path.Combine(files.Directory, gzip ? "big.jsonl.gz" : "big.jsonl");
        using var file = File.Create(path);
        using var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < orders; i++)
        {
            writer.Write("{\"type\":\"ORDER\",\"verb\":\"NEW\",\"key\":\"o");
            writer.Write(i);
            writer.Write("\",\"event_time\":\"2020-01-01T00:00:00Z\",\"customer_id\":\"c");
            writer.Write(i % 1000);
            writer.Write("\",\"total_amount\":\"1.25\"}\n");
        }

        return path;
    }

    /// <summary>File descriptors of this process that point at <paramref name="path"/> (Linux /proc; none elsewhere).</summary>
    private static List<string> OpenHandlesTo(string path)
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return new List<string>();
        }

        var full = Path.GetFullPath(path);
        return Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget; } catch (IOException) { return null; } })
            .Where(target => target != null && target.StartsWith(full, StringComparison.Ordinal))
            .Select(t => t!)
            .ToList();
    }

    /// <summary>Threads started for the engine's parallel reading (LongRunning tasks), from /proc/self/task on Linux.</summary>
    private static int EngineWorkerThreads()
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return Process.GetCurrentProcess().Threads.Count;
        }

        return Directory.EnumerateDirectories("/proc/self/task")
            .Count(task => { try { return File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Long Run", StringComparison.Ordinal); } catch (IOException) { return false; } });
    }
}
