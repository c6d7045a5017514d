using System.Diagnostics;
using System.Text;
using LtvTools.Core;
using LtvTools.Core.Tests;
using LtvTools.Module.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>Issue 15: a save killed halfway (a real pwsh process, killed while it writes) leaves the previous file intact.</summary>
public class DatasetSaveKillTests
{
    [RealPwshFact]
    public void KillingExportLtvDatasetMidWriteLeavesThePreviousFileIntact()
    {
        using var files = new TestFiles();
        var target = Path.Combine(files.Directory, "history.ltvd");

        // The previous state: a small dataset saved normally.
        var previous = new LtvDataset();
        new FileIngestor().IngestFile(files.Write("old.jsonl", Lines(0, 50)), previous);
        LtvDatasetFile.Save(previous, target);
        var expected = Results.Of(previous);

        // The new state is big enough (~25 MB saved) that its save takes a while to write.
        var big = files.Write("big.jsonl", Lines(1_000_000, 600_000));
        var script = files.Write("save.ps1", string.Join("\n",
            "param($module, $events, $target)",
            "Import-Module $module",
            "$d = New-LtvDataset -Path $events",
            "'ready'",
            "$d | Export-LtvDataset -Path $target",
            "'saved'"));

        var killedMidWrite = false;
        for (var attempt = 0; attempt < 5 && !killedMidWrite; attempt++)
        {
            using var process = RealPwsh.Start(script, RepoPaths.ModuleManifest, big, target);
            Assert.Equal("ready", process.StandardOutput.ReadLine());

            // Kill the moment the temporary file of the save shows up with some bytes in it.
            var watch = Stopwatch.StartNew();
            string? temporary = null;
            while (temporary is null && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                temporary = Directory.GetFiles(files.Directory, ".history.ltvd.*.tmp").FirstOrDefault(f => new FileInfo(f).Length > 0);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            // Killed before the rename when the temporary file is still there, half written.
            killedMidWrite = temporary != null && File.Exists(temporary);
            if (killedMidWrite)
            {
                Assert.True(new FileInfo(temporary!).Length > 0);
                Results.AssertEqual(expected, Results.Of(LtvDatasetFile.Load(target)));
                File.Delete(temporary!);
            }
            else
            {
                // The save won the race: the target is the complete new dataset, never a mix. Start over.
                Assert.True(Results.Of(LtvDatasetFile.Load(target)).EventsAccepted is 50 or 600_000);
                LtvDatasetFile.Save(previous, target);
            }
        }

        Assert.True(killedMidWrite, "no attempt killed the save while it was writing");
    }

    /// <summary>NDJSON visits and orders with hex keys from <paramref name="first"/> on.</summary>
    private static string Lines(long first, int count)
    {
        var text = new StringBuilder(count * 160);
        for (var i = first; i < first + count; i++)
        {
            var customer = (i % 5000).ToString("x6");
            text.Append(i % 3 == 0
                ? $"{{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"{i:x12}\", \"event_time\": \"2020-01-{1 + (i % 28):00}T10:00:00Z\", \"customer_id\": \"{customer}\", \"total_amount\": \"{i % 1000}.25 USD\"}}\n"
                : $"{{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"{i:x12}\", \"event_time\": \"2020-01-{1 + (i % 28):00}T10:00:00Z\", \"customer_id\": \"{customer}\"}}\n");
        }

        return text.ToString();
    }
}
