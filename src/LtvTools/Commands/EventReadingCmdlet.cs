using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// What the three cmdlets share: -ExchangeRate, stopping, rejected records written as non-terminating
/// errors, progress for large files, the per-file verbose summary and the single closing warning. Each
/// cmdlet declares its own -Path and -LiteralPath (their pipeline binding differs), resolved by
/// <see cref="ProviderPathResolver"/>.
/// </summary>
public abstract class EventReadingCmdlet : PSCmdlet, IDisposable
{
    /// <summary>Files at least this large show progress; smaller ones finish before it would be seen.</summary>
    private const long ProgressThresholdBytes = 4L << 20;

    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly List<IngestSummary> _readInPart = new List<IngestSummary>();
    private long _rejected;
    private long _rejectedFromFiles;
    private ProgressThrottle? _progress;
    private ProviderPathResolver? _paths;

    /// <summary>Rates to USD for other currencies, for example @{ EUR = 1.08 }.</summary>
    [Parameter]
    public Hashtable? ExchangeRate { get; set; }

    /// <summary>The rates from -ExchangeRate (USD only when none were given).</summary>
    protected ExchangeRateTable Rates { get; private set; } = ExchangeRateTable.UsdOnly;

    /// <summary>Cancelled when the pipeline is stopped (Ctrl+C), so engine threads stop and files close.</summary>
    protected CancellationToken StopToken => _stop.Token;

    /// <summary>Reads -ExchangeRate into <see cref="Rates"/>; a bad rate stops the command.</summary>
    protected override void BeginProcessing()
    {
        Rates = ToRateTable(ExchangeRate);
    }

    /// <summary>Cancels <see cref="StopToken"/>, so engine threads stop and files close.</summary>
    protected override void StopProcessing()
    {
        _stop.Cancel();
    }

    /// <summary>PowerShell disposes the cmdlet when its pipeline ends.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the stop signal; derived cmdlets release their own resources first.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
    }

    /// <summary>True when <paramref name="ex"/> is the engine giving up because the pipeline was stopped.</summary>
    protected bool IsStop(Exception ex) => ex is OperationCanceledException && _stop.IsCancellationRequested;

    /// <summary>Resolves the paths the user gave; each one that names no file is a non-terminating error.</summary>
    internal ProviderPathResolver Paths => _paths ??= new ProviderPathResolver(this);

    /// <summary>Reports one rejected record of a file as a non-terminating InvalidData error.</summary>
    private protected void WriteRejection(EventRejection rejection)
    {
        _rejectedFromFiles++;
        WriteRejectionError(rejection);
    }

    /// <summary>Reports one piped object that could not be counted (its "line" is its position in the input).</summary>
    private protected void WritePipelineRejection(EventRejection rejection) => WriteRejectionError(rejection);

    private void WriteRejectionError(EventRejection rejection)
    {
        _rejected++;
        WriteError(new ErrorRecord(new EventRejectedException(rejection), RejectionErrorIds.Of(rejection.Kind), ErrorCategory.InvalidData, rejection.RawText));
    }

    /// <summary>A file that exists but cannot be read: a non-terminating error, and the next file is read.</summary>
    protected void WriteReadFailure(string file, Exception ex)
    {
        CompleteFileProgress();
        if (ex is FileNotFoundException || ex is DirectoryNotFoundException)
        {
            // Gone between resolving and opening, or a symbolic link whose target is missing (the link
            // itself exists, so the path resolved): the usual not-found error.
            var missing = new ItemNotFoundException(IsLink(file)
                ? $"Cannot find path '{file}' because it is a symbolic link whose target does not exist."
                : $"Cannot find path '{file}' because it does not exist.", ex);
            WriteError(new ErrorRecord(missing, "PathNotFound", ErrorCategory.ObjectNotFound, file));
            return;
        }

        WriteError(new ErrorRecord(ex, "FileReadFailed", ErrorCategory.ReadError, file));
    }

    private static bool IsLink(string file)
    {
        try
        {
            return (new FileInfo(file).Attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// True for the failures of one file that should not stop the others (NotSupportedException: a device
    /// or stream that cannot be read as the engine reads files).
    /// </summary>
    protected static bool IsFileFailure(Exception ex) => ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException;

    /// <summary>
    /// Shows the position in a large file, at most a few times a second; <paramref name="total"/> is 0 for a
    /// pipe, whose length is not known, which shows the bytes read without a percentage.
    /// </summary>
    protected void WriteFileProgress(string path, long done, long total)
    {
        if (total > 0 ? total < ProgressThresholdBytes : done < ProgressThresholdBytes)
        {
            return;
        }

        _progress ??= new ProgressThrottle(ActivityId, Activity);
        _progress.Report(this, path, done, total);
    }

    /// <summary>Closes the progress bar of the file just read, if one was shown.</summary>
    protected void CompleteFileProgress()
    {
        _progress?.Complete(this);
    }

    /// <summary>Writes the accounting of one file to the verbose stream, and remembers a file read only in part for the warning.</summary>
    private protected void WriteSummary(IngestSummary summary, bool withDuplicates)
    {
        if (summary.ReadInPart)
        {
            _readInPart.Add(summary);
        }

        WriteVerbose(IngestSummary.Describe(summary.Source, summary.Accepted, summary.Rejected, withDuplicates ? summary.DuplicatesIgnored : (long?)null, summary));
    }

    /// <summary>Writes the accounting of the pipeline input to the verbose stream.</summary>
    protected void WriteSummary(string source, long accepted, long rejected, long? duplicatesIgnored) =>
        WriteVerbose(IngestSummary.Describe(source, accepted, rejected, duplicatesIgnored));

    /// <summary>The single closing warning, when anything was rejected: how many, where they are, and any file read only in part.</summary>
    protected void WriteRejectedWarning()
    {
        if (_rejected == 0)
        {
            return;
        }

        var fromPipeline = _rejected - _rejectedFromFiles;
        // Lines are spoken of only when files were read: a piped object has a position instead.
        var where = fromPipeline == 0 ? "file, line and reason" : _rejectedFromFiles == 0 ? "its position in the input and its reason" : "its file and line (or position in the input) and its reason";
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "{0} record{1} rejected; each is an error record with {2} (capture them with -ErrorVariable).",
            _rejected,
            _rejected == 1 ? " was" : "s were",
            where);
        if (_readInPart.Count > 0)
        {
            const int Named = 3;
            var named = new List<string>();
            foreach (var file in _readInPart.GetRange(0, Math.Min(Named, _readInPart.Count)))
            {
                named.Add(file.Unread is null ? file.Source : string.Format(CultureInfo.InvariantCulture, "{0} (not read: {1})", file.Source, file.Unread));
            }

            text += string.Format(
                CultureInfo.InvariantCulture,
                " {0} file{1} read only in part: {2}{3}.",
                _readInPart.Count,
                _readInPart.Count == 1 ? " was" : "s were",
                string.Join("; ", named),
                _readInPart.Count > Named ? string.Format(CultureInfo.InvariantCulture, "; and {0} more (see -Verbose)", _readInPart.Count - Named) : string.Empty);
        }

        WriteWarning(text);
    }

    /// <summary>The activity id of this cmdlet's progress bar.</summary>
    protected virtual int ActivityId => 1;

    /// <summary>The activity text of this cmdlet's progress bar.</summary>
    protected virtual string Activity => "Reading events";

    /// <summary>
    /// The message of <paramref name="ex"/> without the parameter name .NET appends to an ArgumentException's
    /// (" (Parameter 'rates')", or a line "Parameter name: rates" on .NET Framework): the user wrote -ExchangeRate.
    /// </summary>
    private static string WithoutParameterName(Exception ex)
    {
        var message = ex.Message;
        if (ex is ArgumentException argument && argument.ParamName != null)
        {
            foreach (var suffix in new[] { $" (Parameter '{argument.ParamName}')", Environment.NewLine + "Parameter name: " + argument.ParamName })
            {
                if (message.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return message.Substring(0, message.Length - suffix.Length);
                }
            }
        }

        return message;
    }

    /// <summary>
    /// A number is taken as it is; a string is read strictly (<see cref="ExchangeRateTable.TryParseRate"/>), since
    /// PowerShell's own conversion reads '1,08' as 108.
    /// </summary>
    private static decimal ToRate(string currency, object? value)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (unwrapped is string text)
        {
            if (!ExchangeRateTable.TryParseRate(text, out var parsed))
            {
                throw new ArgumentException($"The rate for '{currency}' is '{text}'; a rate written as text takes invariant digits and at most one '.', such as '1.08', with no ',' or group separators.");
            }

            return parsed;
        }

        return (decimal)LanguagePrimitives.ConvertTo(unwrapped, typeof(decimal), CultureInfo.InvariantCulture);
    }

    private ExchangeRateTable ToRateTable(Hashtable? rates)
    {
        if (rates is null || rates.Count == 0)
        {
            return ExchangeRateTable.UsdOnly;
        }

        var pairs = new List<KeyValuePair<string, decimal>>(rates.Count);
        try
        {
            foreach (DictionaryEntry entry in rates)
            {
                var currency = LanguagePrimitives.ConvertTo<string>(entry.Key);
                pairs.Add(new KeyValuePair<string, decimal>(currency, ToRate(currency, entry.Value)));
            }

            return new ExchangeRateTable(pairs);
        }
        catch (Exception ex) when (ex is PSInvalidCastException || ex is ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-ExchangeRate needs currency = rate to USD pairs with rates above zero, for example @{ EUR = 1.08 }: " + WithoutParameterName(ex), ex),
                "InvalidExchangeRate",
                ErrorCategory.InvalidArgument,
                rates));
            throw;
        }
    }
}
