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
    protected override void ProcessRecord()
    {
        foreach (var file in ResolveFiles())
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
