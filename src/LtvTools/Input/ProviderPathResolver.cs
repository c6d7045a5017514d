using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// Turns the paths a user gave (-Path with wildcards, -LiteralPath as written, a piped string or file item)
/// into file-system paths, as Import-Csv and Get-Content do through the provider. Each path that cannot
/// name a file becomes a non-terminating error naming it, and the other paths are still returned.
/// </summary>
/// <remarks>
/// Error ids: PathNotFound (ObjectNotFound) for a missing path or a wildcard that matches nothing, with a
/// hint at -LiteralPath when brackets may have been meant literally; PathIsJsonText (InvalidArgument) for
/// JSON text given where a path belongs; PathIsDirectory and NotFileSystemPath (InvalidArgument).
/// </remarks>
internal sealed class ProviderPathResolver
{
    private readonly PSCmdlet _cmdlet;

    public ProviderPathResolver(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    /// <summary>The files of one path: literally when <paramref name="literal"/>, else with wildcards expanded.</summary>
    public IEnumerable<string> Resolve(string path, bool literal) => literal ? ResolveLiteral(path) : ResolveWildcard(path);

    /// <summary>The files of every path, in the order given.</summary>
    public IEnumerable<string> ResolveAll(IEnumerable<string> paths, bool literal)
    {
        foreach (var path in paths)
        {
            foreach (var file in Resolve(path, literal))
            {
                yield return file;
            }
        }
    }

    /// <summary>A path with wildcards, as -Path takes it.</summary>
    public IEnumerable<string> ResolveWildcard(string path)
    {
        ProviderInfo provider;
        IEnumerable<string> resolved;
        try
        {
            resolved = _cmdlet.GetResolvedProviderPathFromPSPath(path, out provider);
        }
        catch (SessionStateException ex)
        {
            WriteNotFound(path, ex);
            return Array.Empty<string>();
        }

        var files = KeepFiles(path, provider, resolved);
        if (files.Count == 0 && IsFileSystem(provider) && IsEmpty(resolved))
        {
            // The provider returns nothing, and says nothing, when a pattern matches no file.
            WriteNoMatch(path);
        }

        return files;
    }

    /// <summary>A path taken exactly as written, as -LiteralPath takes it.</summary>
    public IEnumerable<string> ResolveLiteral(string path)
    {
        string resolved;
        ProviderInfo provider;
        try
        {
            resolved = _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (SessionStateException ex)
        {
            WriteNotFound(path, ex);
            return Array.Empty<string>();
        }

        if (IsFileSystem(provider) && !File.Exists(resolved) && !Directory.Exists(resolved))
        {
            WriteNotFound(path, new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."));
            return Array.Empty<string>();
        }

        return KeepFiles(path, provider, new[] { resolved });
    }

    /// <summary>
    /// True for text that starts as a JSON object or array does: a record piped as text (Get-Content without
    /// ConvertFrom-Json) rather than a path. Only used once the text has failed to resolve, so a real file
    /// named like "[2017].json" is still read.
    /// </summary>
    internal static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '[');
    }

    private static bool IsEmpty(IEnumerable<string> items)
    {
        using (var e = items.GetEnumerator())
        {
            return !e.MoveNext();
        }
    }

    private List<string> KeepFiles(string path, ProviderInfo provider, IEnumerable<string> resolved)
    {
        var files = new List<string>();
        if (!IsFileSystem(provider))
        {
            _cmdlet.WriteError(new ErrorRecord(
                new ArgumentException($"'{path}' is on the {provider.Name} provider; event files must be on the FileSystem provider."),
                "NotFileSystemPath",
                ErrorCategory.InvalidArgument,
                path));
            return files;
        }

        foreach (var file in resolved)
        {
            if (Directory.Exists(file))
            {
                _cmdlet.WriteError(new ErrorRecord(
                    new ArgumentException($"'{file}' is a directory; give the event files in it (for example '{Path.Combine(file, "*.json")}')."),
                    "PathIsDirectory",
                    ErrorCategory.InvalidArgument,
                    file));
                continue;
            }

            files.Add(file);
        }

        return files;
    }

    private void WriteNotFound(string path, Exception ex)
    {
        if (LooksLikeJson(path))
        {
            WriteJsonText(path);
            return;
        }

        _cmdlet.WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
    }

    private void WriteNoMatch(string pattern)
    {
        if (LooksLikeJson(pattern))
        {
            WriteJsonText(pattern);
            return;
        }

        var message = $"No file matches the pattern '{pattern}'.";
        if (pattern.IndexOf('[') >= 0 || pattern.IndexOf(']') >= 0)
        {
            message += " In -Path, [ and ] are wildcards (one of the characters between them); to read a file whose name holds brackets, use -LiteralPath.";
        }

        _cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException(message), "PathNotFound", ErrorCategory.ObjectNotFound, pattern));
    }

    private void WriteJsonText(string text)
    {
        const int Shown = 40;
        var start = text.Trim();
        var shown = start.Length <= Shown ? start : start.Substring(0, Shown) + "...";
        _cmdlet.WriteError(new ErrorRecord(
            new ArgumentException($"'{shown}' is not a path: this looks like JSON text; pipe it through ConvertFrom-Json or use -Path."),
            "PathIsJsonText",
            ErrorCategory.InvalidArgument,
            text));
    }

    private static bool IsFileSystem(ProviderInfo provider) =>
        string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase);
}
