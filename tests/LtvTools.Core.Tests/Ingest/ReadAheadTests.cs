using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Import-LtvEvents parses on a background thread (ReadAheadEventReader): what it returns must be exactly what
/// the plain reader returns, in the same order, and stopping it must stop the thread and close the file.
/// </summary>
public class ReadAheadTests
{
    private const string Bad = "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"r1\", \"event_time\": \"2017-01-10T00:00:00Z\"}";

    private static List<string> Read(ReadAheadEventReader reader)
    {
        var items = new List<string>();
        while (reader.Read(out var accepted, out var rejection))
        {
            items.Add(Describe(accepted, rejection));
        }

        return items;
    }

    private static string Describe(LtvEvent? accepted, EventRejection? rejection) => accepted != null
        ? $"{accepted} {accepted.CustomerId} {accepted.LastName} {accepted.TotalAmount} {accepted.Tags}"
        : $"rejected {rejection!.Line}: {rejection.Reason} | {rejection.RawText}";

    /// <summary>A file of many batches with rejections scattered through it.</summary>
    private static string ManyBatches(TestFiles files, string name = "many.jsonl")
    {
        var lines = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            lines.AddRange(SampleEvents.WithTies());
            if (i % 97 == 0)
            {
                lines.Add(Bad);
                lines.Add("not json");
            }
        }

        return files.Write(name, Json.Lines(lines.ToArray()));
    }

    [Fact]
    public void BackgroundReadingReturnsEveryEventAndRejectionInFileOrder()
    {
        using var files = new TestFiles();
        var path = ManyBatches(files);
        var (events, rejections, summary) = Results.ReadEvents(path);

        using var reader = new ReadAheadEventReader(path, readAheadThresholdBytes: 0);
        var items = Read(reader);

        var expected = new List<string>();
        using (var plain = new EventFileReader(path))
        {
            while (plain.Read(out var accepted, out var rejection))
            {
                expected.Add(Describe(accepted, rejection));
            }
        }

        Assert.Equal(expected, items);
        Assert.Equal(events.Count + rejections.Count, items.Count);
        Assert.True(rejections.Count > 100);
        Assert.Equal((summary.Accepted, summary.Rejected, summary.Format), (reader.Summary.Accepted, reader.Summary.Rejected, reader.Summary.Format));
        Assert.Equal(reader.Length, reader.Position);
    }

    [Fact]
    public void SmallFilesAreReadOnTheCallingThreadWithTheSameResult()
    {
        using var files = new TestFiles();
        var path = files.Write("small.jsonl", Json.Lines(SampleEvents.WithTies()));

        using var background = new ReadAheadEventReader(path, readAheadThresholdBytes: 0);
        using var inline = new ReadAheadEventReader(path);

        Assert.Equal(Read(background), Read(inline));
    }

    [Fact]
    public void DisposingHalfWayStopsTheReaderAndClosesTheFile()
    {
        using var files = new TestFiles();
        var path = ManyBatches(files);

        using (var reader = new ReadAheadEventReader(path, readAheadThresholdBytes: 0))
        {
            Assert.True(reader.Read(out _, out _));
        }

        // Windows would refuse to delete an open file; everywhere, opening it exclusively proves it is closed.
        using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Delete(path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void CancellationEndsAWaitingRead()
    {
        using var files = new TestFiles();
        var path = ManyBatches(files);
        using var stop = new CancellationTokenSource();
        using var reader = new ReadAheadEventReader(path, cancellation: stop.Token, readAheadThresholdBytes: 0);
        Assert.True(reader.Read(out _, out _));

        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            while (reader.Read(out _, out _))
            {
            }
        });
    }

    [Fact]
    public void AFileThatCannotBeOpenedFailsInTheConstructor()
    {
        using var files = new TestFiles();
        Assert.Throws<FileNotFoundException>(() => new ReadAheadEventReader(Path.Combine(files.Directory, "missing.jsonl"), readAheadThresholdBytes: 0));
    }
}
