using System;
using System.IO;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Import-LtvDataset: loads datasets saved by Export-LtvDataset, one per file.</summary>
[Cmdlet(VerbsData.Import, "LtvDataset", DefaultParameterSetName = PathSet)]
[OutputType(typeof(LtvDataset))]
public sealed class ImportLtvDatasetCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private ProviderPathResolver? _paths;

    /// <summary>Saved dataset files; wildcards are expanded by the provider.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Saved dataset files taken exactly as written (no wildcards); Get-ChildItem output binds here.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Loads every file the given paths resolve to and writes its dataset.</summary>
    protected override void ProcessRecord()
    {
        _paths ??= new ProviderPathResolver(this);
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            foreach (var file in _paths.Resolve(path, literal))
            {
                Load(file);
            }
        }
    }

    private void Load(string file)
    {
        LtvDataset dataset;
        try
        {
            dataset = LtvDatasetFile.Load(file);
        }
        catch (LtvDatasetFileException ex)
        {
            // Never a wrong dataset: a damaged, foreign or newer file stops the command.
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidDatasetFile", ErrorCategory.InvalidData, file));
            return;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, "FileReadFailed", ErrorCategory.ReadError, file));
            return;
        }

        WriteVerbose($"{file}: {dataset.EventsAccepted} events, {dataset.DistinctVisits + dataset.DistinctImages + dataset.DistinctOrders} distinct events.");
        WriteObject(dataset);
    }
}
