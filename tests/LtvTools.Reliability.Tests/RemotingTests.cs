using CsCheck;
using LtvTools.Core.Tests;
using LtvTools.Module.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Issue 15: datasets built on other machines come back as live datasets and merge into the one-pass result.
/// Two "nodes" are two private sshd servers on loopback ports (key authentication only, pwsh 7.6 as the
/// powershell subsystem), each with its own copy of the built module; also Start-Job and ForEach-Object
/// -Parallel, and the Copy-Item -FromSession fallback.
/// </summary>
public class RemotingTests
{
    [SshRemotingFact]
    public void PartialDatasetsFromSshNodesJobsAndRunspacesMergeIntoTheOnePassResult()
    {
        Assert.True(LoopbackSshd.IsInstalled, $"{LoopbackSshd.SshdPath} is missing: apt-get install openssh-server");
        Assert.NotNull(RealPwsh.Path);
        using var files = new TestFiles();

        // Shards dealt at random from one stream with ties of equal times, updates and duplicates across shards.
        var stream = EventStreams.Stream(distinctTimes: false, maxEvents: 200).Single();
        var owners = Gen.Bool.Array[stream.Length].Single();
        var shard1 = files.Write("shard1.jsonl", EventStreams.Ndjson(stream.Where((_, i) => owners[i])));
        var shard2 = files.Write("shard2.jsonl", EventStreams.Ndjson(stream.Where((_, i) => !owners[i])));

        var key = LoopbackSshd.MakeClientKey(Path.Combine(files.Directory, "client"));
        var node1Module = CopyModule(Path.Combine(files.Directory, "node1"));
        var node2Module = CopyModule(Path.Combine(files.Directory, "node2"));
        using var node1 = new LoopbackSshd(Path.Combine(files.Directory, "sshd1"), key + ".pub");
        using var node2 = new LoopbackSshd(Path.Combine(files.Directory, "sshd2"), key + ".pub");

        var script = Path.Combine(RepoPaths.Root, "tests", "LtvTools.Reliability.Tests", "FanOut.ps1");
        var output = RealPwsh.Run(
            script,
            TimeSpan.FromMinutes(5),
            RepoPaths.ModuleManifest, node1Module, node2Module, shard1, shard2, node1.Port.ToString(), node2.Port.ToString(), key, files.Directory);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "PASS ssh-invoke-command", "PASS ssh-fan-out", "PASS copy-item-from-session", "PASS start-job", "PASS foreach-parallel" },
            lines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal)));
    }

    /// <summary>A node's own copy of the built module; returns its manifest.</summary>
    private static string CopyModule(string node)
    {
        var source = Path.GetDirectoryName(RepoPaths.ModuleManifest)!;
        var target = Path.Combine(node, "LtvTools");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return Path.Combine(target, "LtvTools.psd1");
    }
}
