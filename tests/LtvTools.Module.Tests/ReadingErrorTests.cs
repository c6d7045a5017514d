using System.IO.Compression;
using System.Management.Automation;
using System.Text;
using LtvTools.Core.Tests;

namespace LtvTools.Module.Tests;

/// <summary>
/// Issue 18 (points 2, 4, 5, 7, 12 and the small ones) and issue 17 (rejection kinds) as a user sees them:
/// error ids, rejections as data, partial reads in the warning, pipes, symbolic links and streamed weekly rows.
/// </summary>
public class ReadingErrorTests
{
    private const string Visit = "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\"}";
    private const string Order = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-06T12:55:55Z\", \"customer_id\": \"c1\", \"total_amount\": \"12.34 USD\"}";
    private const string Refund = "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"r1\", \"event_time\": \"2017-01-06T12:55:55Z\"}";

    private static string Order2(int i, string customer = "c2") =>
        $"{{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o{i}\", \"event_time\": \"2017-01-07T10:00:00Z\", \"customer_id\": \"{customer}\", \"total_amount\": \"1.00 USD\"}}";

    [Fact]
    public void Each_kind_of_rejection_has_its_error_id_and_carries_the_rejection_as_data()
    {
        using var dir = new TempFolder();
        var mixed = dir.Write("mixed.jsonl", string.Join("\n", Visit, "not json", Refund, Order, "{\"type\": \"ORDER\", \"verb\""));
        var utf16 = System.IO.Path.Combine(dir.Path, "utf16.json");
        File.WriteAllBytes(utf16, Encoding.Unicode.GetBytes("[" + Visit + "]"));
        var broken = dir.Write("broken.json", "[\n" + Visit + ",\n{\"type\": x},\n" + Order + "\n]\n");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(@"
            Get-TopLtvCustomer -LiteralPath $args -ErrorVariable bad -ErrorAction SilentlyContinue | Out-Null
            $bad | ForEach-Object {
                $r = $_.Exception
                '{0}|{1}|{2}|{3}|{4}|{5}' -f $_.FullyQualifiedErrorId.Split(',')[0], (Split-Path -Leaf $r.File), $r.Line, $r.Kind, ($_.TargetObject -eq $r.RawText), ($r.Message -eq ('{0}:{1}: {2}' -f $r.File, $r.Line, $r.Reason))
            }
            $bad | Group-Object { Split-Path -Leaf $_.Exception.File } | ForEach-Object { '{0}={1}' -f $_.Name, $_.Count }
            @($bad.Exception | Where-Object Kind -eq InvalidJson).Count", mixed, utf16, broken);

        Assert.Null(result.Terminating);
        Assert.Equal(
            new[]
            {
                "InvalidEventJson|mixed.jsonl|2|InvalidJson|True|True",
                "InvalidEvent|mixed.jsonl|3|InvalidEvent|True|True",
                "IncompleteEvent|mixed.jsonl|5|IncompleteRecord|True|True",
                "InvalidEventFile|utf16.json|1|InvalidFile|True|True",
                "InvalidEventFile|broken.json|3|InvalidFile|True|True",
                "broken.json=1",
                "mixed.jsonl=3",
                "utf16.json=1",
                "1",
            },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_file_read_only_in_part_is_named_in_the_warning_and_the_summary_with_what_was_not_read()
    {
        using var dir = new TempFolder();
        var tail = "{\"type\": x},\n" + Order + "\n]\n";
        var file = dir.Write("messy.json", "[\n" + Visit + ",\n" + tail);
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -Verbose", file);

        var unread = $"not read: {Encoding.UTF8.GetByteCount(tail)} bytes, lines 3 to 5";
        Assert.Equal($"1 record was rejected; each is an error record with file, line and reason (capture them with -ErrorVariable). 1 file was read only in part: {file} ({unread}).", Assert.Single(result.Warnings));
        Assert.Equal($"{file}: 2 read, 1 accepted, 1 rejected, 0 duplicates ignored; read only in part, {unread}", Assert.Single(result.Verbose));
        Assert.EndsWith($"the rest of the file is not read ({Encoding.UTF8.GetByteCount(tail)} bytes, lines 3 to 5)", Assert.Single(result.Errors).Exception.Message);
    }

    [Fact]
    public void The_warning_speaks_of_lines_only_for_file_input()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("[pscustomobject]@{ type = 'REFUND'; verb = 'NEW'; key = 'r1'; event_time = '2017-01-06T12:55:55Z' } | Get-TopLtvCustomer -ErrorAction SilentlyContinue");

        Assert.Equal("1 record was rejected; each is an error record with its position in the input and its reason (capture them with -ErrorVariable).", Assert.Single(result.Warnings));
    }

    [Fact]
    public void A_zip_archive_is_one_clear_error()
    {
        using var dir = new TempFolder();
        var zip = System.IO.Path.Combine(dir.Path, "events.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(archive.CreateEntry("events.jsonl").Open());
            entry.Write(string.Concat(Enumerable.Repeat(Visit + "\n" + Order + "\n", 500)));
        }

        using var ps = ModuleRunspace.Start();
        var result = ps.Run("Import-LtvEvents -LiteralPath $args[0]", zip);

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidEventFile,LtvTools.Commands.ImportLtvEventsCommand", error.FullyQualifiedErrorId);
        Assert.Equal($"{zip}:1: the file is a zip archive; extract it first (gzip files are read as they are)", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_named_pipe_is_read_beside_a_file_without_stopping_the_command(bool gzip)
    {
        if (!PipeFiles.Supported)
        {
            return;
        }

        using var dir = new TempFolder();
        var good = dir.Write("good.jsonl", Visit + "\n" + Order + "\n");
        var fifo = PipeFiles.MakeFifo(dir.Path, "stream.fifo");
        var text = string.Concat(Enumerable.Range(2, 3000).Select(i => Order2(i) + "\n"));
        var feeding = PipeFiles.Feed(fifo, gzip ? PipeFiles.Gzip(text) : Encoding.UTF8.GetBytes(text));
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -Path $args[0], $args[1] -Verbose | ForEach-Object { '{0} {1}' -f $_.CustomerId, $_.TotalSpend }", good, fifo);
        feeding.Join();

        result.Clean();
        Assert.Equal(new[] { "c2 3000.00", "c1 12.34" }, result.Output.Select(o => o.ToString()));
        Assert.Equal($"{fifo}: 3000 read, 3000 accepted, 0 rejected, 0 duplicates ignored", result.Verbose[1]);
    }

    [Fact]
    public void A_file_that_fails_while_being_read_is_FileReadFailed_for_it_alone()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // /proc/self/mem opens, but reading it from offset 0 fails with EIO: a read failure, not a missing file.
        using var dir = new TempFolder();
        var good = dir.Write("good.jsonl", Visit + "\n" + Order + "\n");
        var fifo = PipeFiles.MakeFifo(dir.Path, "stream.fifo");
        var feeding = PipeFiles.Feed(fifo, Encoding.UTF8.GetBytes(Order2(2) + "\n"));
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0], '/proc/self/mem', $args[1] | ForEach-Object CustomerId", fifo, good);
        feeding.Join();

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "c1", "c2" }, result.Output.Select(o => o.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("FileReadFailed,LtvTools.Commands.GetTopLtvCustomerCommand", ErrorCategory.ReadError, "/proc/self/mem"), (error.FullyQualifiedErrorId, error.CategoryInfo.Category, (string)error.TargetObject));
    }

    [Fact]
    public void Import_streams_a_gzip_named_pipe()
    {
        if (!PipeFiles.Supported)
        {
            return;
        }

        using var dir = new TempFolder();
        var fifo = PipeFiles.MakeFifo(dir.Path, "stream.fifo");
        var feeding = PipeFiles.Feed(fifo, PipeFiles.Gzip("[" + Visit + "," + Order + "]"));
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents -LiteralPath $args[0] | ForEach-Object Key", fifo);
        feeding.Join();

        result.Clean();
        Assert.Equal(new[] { "v1", "o1" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_symbolic_link_to_a_big_file_is_read_with_the_targets_size()
    {
        using var dir = new TempFolder();
        var target = dir.Write("day.jsonl", string.Concat(Enumerable.Range(0, 40000).Select(i => Order2(i, "c" + (i % 7)) + "\n")));
        var link = System.IO.Path.Combine(dir.Path, "current.jsonl");
        File.CreateSymbolicLink(link, target);
        var megabytes = new FileInfo(target).Length >> 20;
        Assert.True(megabytes >= 4);
        using var ps = ModuleRunspace.Start();

        var viaLink = ps.Run("Get-TopLtvCustomer -Path $args[0] -Top 7 | ForEach-Object { '{0} {1}' -f $_.CustomerId, $_.TotalSpend }", link).Clean();
        var direct = ps.Run("Get-TopLtvCustomer -Path $args[0] -Top 7 | ForEach-Object { '{0} {1}' -f $_.CustomerId, $_.TotalSpend }", target).Clean();

        Assert.Equal(direct.Output.Select(o => o.ToString()), viaLink.Output.Select(o => o.ToString()));
        var shown = viaLink.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.Equal($"{link} ({p.StatusDescription.Split(" (")[1].Split(' ')[0]} of {megabytes} MB)", p.StatusDescription));
    }

    [Theory]
    [InlineData("-Path")]
    [InlineData("-LiteralPath")]
    public void A_dangling_symbolic_link_is_path_not_found(string parameter)
    {
        using var dir = new TempFolder();
        var good = dir.Write("good.jsonl", Visit + "\n");
        var link = System.IO.Path.Combine(dir.Path, "current.jsonl");
        File.CreateSymbolicLink(link, System.IO.Path.Combine(dir.Path, "gone.jsonl"));
        using var ps = ModuleRunspace.Start();

        var result = ps.Run($"Get-TopLtvCustomer {parameter} $args[0], $args[1] | ForEach-Object CustomerId", link, good);

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "c1" }, result.Output.Select(o => o.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal("PathNotFound,LtvTools.Commands.GetTopLtvCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal($"Cannot find path '{link}' because it is a symbolic link whose target does not exist.", error.Exception.Message);
    }

    [Fact]
    public void Weekly_rows_with_empty_weeks_stream_so_the_first_comes_at_once()
    {
        using var dir = new TempFolder();

        // Years 1 to 9999: about 520,000 weeks for each of the three customers.
        var file = dir.Write("millennia.jsonl", string.Join("\n",
            "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"0001-01-02T10:00:00Z\", \"customer_id\": \"aaa\"}",
            "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v2\", \"event_time\": \"5000-06-01T10:00:00Z\", \"customer_id\": \"bbb\"}",
            "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"9999-12-30T10:00:00Z\", \"customer_id\": \"ccc\", \"total_amount\": \"7 USD\"}") + "\n");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-LtvWeeklyMetrics -LiteralPath $args[0] -IncludeEmptyWeeks | Select-Object -First 2 | ForEach-Object { '{0} {1} {2}' -f $_.CustomerId, $_.Week, $_.SiteVisits }", file).Clean();

        Assert.Equal(new[] { "aaa 1 1", "aaa 2 0" }, result.Output.Select(o => o.ToString()));
    }
}
