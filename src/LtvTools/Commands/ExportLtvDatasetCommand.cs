using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Export-LtvDataset: saves a dataset to a file, replacing an existing file atomically (a save that fails or
/// is killed leaves the previous file as it was).
/// </summary>
[Cmdlet(VerbsData.Export, "LtvDataset", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class ExportLtvDatasetCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private string? _savedTo;

    /// <summary>The file to write. Wildcards may name one existing file; otherwise the path is taken as written.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The file to write, taken exactly as written (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>The dataset to save, usually piped in.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [Alias("Dataset")]
    [ValidateNotNull]
    public LtvDataset? InputObject { get; set; }

    /// <summary>Saves the piped dataset to the target file; a second dataset stops the command.</summary>
    protected override void ProcessRecord()
    {
        var target = _savedTo ?? TargetPath();
        if (_savedTo != null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"More than one dataset was piped to Export-LtvDataset, which saves one dataset per file ({target}); merge them first: ... | Merge-LtvDataset | Export-LtvDataset {target}"),
                "MoreThanOneDataset",
                ErrorCategory.InvalidArgument,
                InputObject));
        }

        _savedTo = target;
        if (!ShouldProcess(target, "Save dataset"))
        {
            return;
        }

        long bytes;
        try
        {
            bytes = LtvDatasetFile.Save(InputObject!, target);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "DatasetWriteFailed", ErrorCategory.WriteError, target));
            return;
        }

        var keys = InputObject!.DistinctVisits + (long)InputObject.DistinctImages + InputObject.DistinctOrders + InputObject.CustomerCount;
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1} bytes, {2:0.0} bytes per distinct key ({3} customers and distinct events).", target, bytes, keys == 0 ? 0 : (double)bytes / keys, keys));
    }

    /// <summary>The file-system path to write: a literal path as written; a wildcard path must match exactly one file.</summary>
    private string TargetPath()
    {
        var given = ParameterSetName == LiteralPathSet ? LiteralPath! : Path!;
        ProviderInfo provider;
        string resolved;
        try
        {
            if (ParameterSetName == PathSet && WildcardPattern.ContainsWildcardCharacters(given))
            {
                var matches = GetResolvedProviderPathFromPSPath(given, out provider);
                if (matches.Count != 1)
                {
                    throw new ArgumentException($"'{given}' matches {matches.Count} files; a dataset is saved to one file (use -LiteralPath for a name with wildcard characters).");
                }

                resolved = matches[0];
            }
            else
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given, out provider, out _);
            }
        }
        catch (Exception ex) when (ex is SessionStateException || ex is ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidDatasetPath", ErrorCategory.InvalidArgument, given));
            throw;
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"'{given}' is on the {provider.Name} provider; a dataset is saved to the FileSystem provider."),
                "NotFileSystemPath",
                ErrorCategory.InvalidArgument,
                given));
        }

        if (Directory.Exists(resolved))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"'{resolved}' is a directory; give a file name (for example '{System.IO.Path.Combine(resolved, "history" + LtvDatasetFile.Extension)}')."),
                "PathIsDirectory",
                ErrorCategory.InvalidArgument,
                resolved));
        }

        return resolved;
    }
}
