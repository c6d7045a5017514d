using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// Turns the paths a user gave (-Path with wildcards, -LiteralPath as written, a piped string or file item)
/// into file-system paths, as Import-Csv and Get-Content do through the provider. Each path that cannot name
/// a file becomes a non-terminating error naming it (PathNotFound, PathIsDirectory, NotFileSystemPath), and
/// the other paths are still returned.
/// </summary>
internal sealed class ProviderPathResolver
{
    private readonly PSCmdlet _cmdlet;
    private readonly string _files;

    /// <summary>A resolver for <paramref name="cmdlet"/>, whose messages call the files it reads <paramref name="files"/>.</summary>
    public ProviderPathResolver(PSCmdlet cmdlet, string files = "event files")
    {
        _cmdlet = cmdlet;
        _files = files;
    }

    /// <summary>The files of one path: literally when <paramref name="literal"/>, else with wildcards expanded.</summary>
    public IEnumerable<string> Resolve(string path, bool literal) => literal ? ResolveLiteral(path) : ResolveWildcard(path);

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
            WritePathNotFound(path, ex);
            return Array.Empty<string>();
        }

        return KeepFiles(path, provider, resolved);
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
            WritePathNotFound(path, ex);
            return Array.Empty<string>();
        }

        if (IsFileSystem(provider) && !File.Exists(resolved) && !Directory.Exists(resolved))
        {
            WritePathNotFound(path, new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."));
            return Array.Empty<string>();
        }

        return KeepFiles(path, provider, new[] { resolved });
    }

    private List<string> KeepFiles(string path, ProviderInfo provider, IEnumerable<string> resolved)
    {
        var files = new List<string>();
        if (!IsFileSystem(provider))
        {
            _cmdlet.WriteError(new ErrorRecord(
                new ArgumentException($"'{path}' is on the {provider.Name} provider; {_files} must be on the FileSystem provider."),
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
                    new ArgumentException($"'{file}' is a directory; give the {_files} in it (for example '{System.IO.Path.Combine(file, "*.json")}')."),
                    "PathIsDirectory",
                    ErrorCategory.InvalidArgument,
                    file));
                continue;
            }

            files.Add(file);
        }

        return files;
    }

    /// <summary>The error for a path that names nothing (PathNotFound, ObjectNotFound), the other paths still read.</summary>
    public void WritePathNotFound(string path, Exception ex)
    {
        _cmdlet.WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
    }

    private static bool IsFileSystem(ProviderInfo provider) =>
        string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase);
}
