using System.IO.Hashing;
using CsCheck;
using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Issue 15: a damaged saved dataset is always a clear error naming the file, never a wrong dataset or a crash.
/// Files are damaged as the event reader's fuzz test damages event files (flips, cuts, splices).
/// </summary>
public class DatasetFileFuzzTests
{
    private static byte[] Saved(GeneratedEvent[] stream, out LtvDataset dataset)
    {
        using var files = new TestFiles();
        dataset = new LtvDataset();
        new FileIngestor(EventStreams.Options()).IngestFile(files.Write("e.jsonl", EventStreams.Ndjson(stream)), dataset);
        return LtvDatasetFile.ToBytes(dataset);
    }

    private static Gen<(GeneratedEvent[] Stream, Mutation[] Mutations)> Damage =>
        from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 60, currencies: true)
        from mutations in Mutation.Any.Array[1, 6]
        select (stream, mutations);

    /// <summary>Any damage to a saved file is refused by name (the checksum covers every byte after the header).</summary>
    [Fact]
    public void DamagedFileIsRefusedWithItsNameOrIsUnchanged()
    {
        Damage.Sample((stream, mutations) =>
        {
            var original = Saved(stream, out var dataset);
            var damaged = mutations.Aggregate((byte[])original.Clone(), (b, m) => m.Apply(b));
            using var files = new TestFiles();
            var path = files.WriteBytes("damaged.ltvd", damaged);
            if (damaged.AsSpan().SequenceEqual(original))
            {
                Results.AssertEqual(Results.Of(dataset), Results.Of(LtvDatasetFile.Load(path)));
                return;
            }

            var error = Assert.Throws<LtvDatasetFileException>(() => LtvDatasetFile.Load(path));
            Assert.StartsWith(path + ": ", error.Message);
            Assert.Equal(path, error.Path);
        }, iter: 400);
    }

    /// <summary>
    /// Damage behind a checksum that was made to match (what a bug in a writer could produce): the decoder
    /// still never throws anything but the file error, and never allocates past the file's size.
    /// </summary>
    [Fact]
    public void DamagedBodyWithAMatchingChecksumNeverCrashesTheDecoder() => Damage.Sample(CheckDamagedBody, iter: 400);

    /// <summary>Seeds that found event counters with out-of-range times (a crash in the window, fixed in the decoder).</summary>
    [Theory]
    [InlineData("dTAJLa-6sVU2")]
    [InlineData("2vY0gBsbmj22")]
    public void RegressionSeedCountersWithTimesOutOfRange(string seed) => Damage.Sample(CheckDamagedBody, seed: seed, iter: 1);

    private static void CheckDamagedBody(GeneratedEvent[] stream, Mutation[] mutations)
    {
        var original = Saved(stream, out _);
        var body = mutations.Aggregate(original[32..], (b, m) => m.Apply(b));
        var damaged = original[..32].Concat(body).ToArray();
        BitConverter.GetBytes((ulong)body.Length).CopyTo(damaged, 16);
        BitConverter.GetBytes(XxHash64.HashToUInt64(body)).CopyTo(damaged, 24);
        try
        {
            var loaded = LtvDatasetFile.FromBytes(damaged, "damaged");
            _ = Results.Of(loaded);
        }
        catch (LtvDatasetFileException error)
        {
            Assert.StartsWith("damaged: the file is corrupted: ", error.Message);
        }
    }

    [Fact]
    public void TruncatedForeignEmptyAndNewerFilesGetTheirOwnReason()
    {
        var bytes = Saved(EventStreams.Stream(distinctTimes: false).Single(), out _);
        using var files = new TestFiles();
        string Reason(string name, byte[] content)
        {
            var path = files.WriteBytes(name, content);
            var error = Assert.Throws<LtvDatasetFileException>(() => LtvDatasetFile.Load(path));
            Assert.StartsWith(path + ": ", error.Message);
            return error.Reason;
        }

        Assert.Contains("truncated", Reason("cut.ltvd", bytes[..^1]));
        Assert.Contains("truncated", Reason("header.ltvd", bytes[..20]));
        Assert.Contains("empty", Reason("empty.ltvd", Array.Empty<byte>()));
        Assert.Contains("not a saved LtvTools dataset", Reason("events.ltvd", "{\"type\": \"ORDER\"}\n"u8.ToArray()));
        Assert.Contains("bytes follow the end", Reason("longer.ltvd", bytes.Append((byte)0).ToArray()));
        Assert.Contains("checksum", Reason("flipped.ltvd", bytes.Select((b, i) => i == bytes.Length - 1 ? (byte)(b ^ 1) : b).ToArray()));

        var newer = (byte[])bytes.Clone();
        newer[8] = LtvDatasetFile.FormatVersion + 1;
        var reason = Reason("newer.ltvd", newer);
        Assert.Contains("newer LtvTools", reason);
        Assert.Contains($"version {LtvDatasetFile.FormatVersion + 1}", reason);
    }
}
