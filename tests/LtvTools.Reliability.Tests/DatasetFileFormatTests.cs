using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// The saved format across versions, and the second view of the file that the orders are decoded from
/// beside the visit side.
/// </summary>
public class DatasetFileFormatTests
{
    private static readonly string VersionOneFile = Path.Combine(TestFiles.RepoRoot, "tests", "data", "challenge-sample.v1.ltvd");

    private static LtvDataset ChallengeSample()
    {
        var dataset = new LtvDataset();
        new FileIngestor().IngestFile(TestFiles.ChallengeSample, dataset);
        return dataset;
    }

    /// <summary>A file saved by the previous format version (the sample, saved before version 2) still loads, equal to the sample read now.</summary>
    [Fact]
    public void AVersionOneFileStillLoadsAsItWasSaved()
    {
        var bytes = File.ReadAllBytes(VersionOneFile);
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 8));
        var loaded = LtvDatasetFile.Load(VersionOneFile);
        Results.AssertEqual(Results.Of(ChallengeSample()), Results.Of(loaded));
        Assert.Equal(4, loaded.EventsAccepted);
    }

    [Fact]
    public void ANewSaveIsTheCurrentVersion()
    {
        var bytes = LtvDatasetFile.ToBytes(ChallengeSample());
        Assert.Equal(LtvDatasetFile.FormatVersion, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(2, LtvDatasetFile.FormatVersion);
    }

    /// <summary>
    /// When the second view does not show the same bytes (a save replaced the file between the two opens) or
    /// cannot be opened, the dataset is decoded wholly from the file first opened, and equals it.
    /// </summary>
    [Fact]
    public void AFileReplacedOrUnreadableWhileLoadingGivesTheFileFirstOpened()
    {
        using var files = new TestFiles();
        var sample = ChallengeSample();
        var original = LtvDatasetFile.ToBytes(sample);
        var other = new LtvDataset();
        new FileIngestor().IngestFile(files.Write("other.jsonl", Json.Lines(
            Json.Order("7a9c2e4b6d80", "5e1a7c0b3d21", "2017-01-09T15:02:17Z", "45.50 USD"),
            Json.Visit("b7d3f1e2a490", "5e1a7c0b3d21", "2017-01-08T09:20:11.5Z"))), other);
        var replacement = LtvDatasetFile.ToBytes(other);

        var expected = Results.Of(sample);
        using (var input = new MemoryStream(original, writable: false))
        {
            Results.AssertEqual(expected, Results.Of(LtvDatasetFile.Read(input, "replaced", () => new MemoryStream(replacement, writable: false))));
        }

        using (var input = new MemoryStream(original, writable: false))
        {
            Results.AssertEqual(expected, Results.Of(LtvDatasetFile.Read(input, "unreadable", () => throw new IOException("gone"))));
        }
    }
}
