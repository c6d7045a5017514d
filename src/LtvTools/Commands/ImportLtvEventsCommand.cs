using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Import-LtvEvents: streams the accepted events of JSON / NDJSON / gzip files as LtvEvent objects;
/// each rejected record is a non-terminating error.
/// </summary>
[Cmdlet(VerbsData.Import, "LtvEvents", DefaultParameterSetName = PathSet)]
[OutputType(typeof(LtvEvent))]
public sealed class ImportLtvEventsCommand : EventReadingCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Event files; wildcards are expanded by the provider.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>
    /// Event files taken exactly as written (no wildcards). Get-ChildItem output binds here by its PSPath,
    /// and plain FileInfo objects by FullName, so names with [ or ] are read as they are.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = System.Array.Empty<string>();

    /// <summary>Reads every file the given paths resolve to, writing accepted events and rejected records as errors.</summary>
    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var file in Paths.ResolveAll(literal ? LiteralPath : Path, literal))
        {
            try
            {
                ReadFile(file);
            }
            catch (System.Exception ex) when (IsFileFailure(ex))
            {
                WriteReadFailure(file, ex);
            }
            catch (System.OperationCanceledException ex) when (IsStop(ex))
            {
                throw new PipelineStoppedException();
            }
        }
    }

    /// <summary>Writes the single closing warning when records were rejected.</summary>
    protected override void EndProcessing()
    {
        WriteRejectedWarning();
    }

    private void ReadFile(string file)
    {
        using (var reader = new ReadAheadEventReader(file, Rates, StopToken))
        {
            while (reader.Read(out var accepted, out var rejection))
            {
                if (accepted != null)
                {
                    WriteObject(accepted);
                }
                else
                {
                    WriteRejection(rejection!);
                }

                WriteFileProgress(file, reader.Position, reader.Length);
            }

            CompleteFileProgress();
            WriteSummary(reader.Summary, withDuplicates: false);
        }
    }
}
