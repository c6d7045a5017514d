using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace LtvTools.Module.Tests;

/// <summary>
/// A fresh PowerShell runspace (the default session state, as pwsh starts) with out/LtvTools imported.
/// Scripts are real pipeline text; every stream is kept for the test to look at.
/// </summary>
internal sealed class ModuleRunspace : IDisposable
{
    private readonly Runspace _runspace;

    private ModuleRunspace(PSHost? host)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("RepoRoot", RepoPaths.Root);
        _runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(RepoPaths.Root));
        ImportResult = Run("Import-Module $args[0] -PassThru -ErrorAction Stop", RepoPaths.ModuleManifest);
        if (ImportResult.Terminating != null || ImportResult.Errors.Count > 0)
        {
            throw new InvalidOperationException("Import-Module failed: " + ImportResult.Describe());
        }
    }

    /// <summary>The runspace, for tests that drive a PowerShell instance themselves.</summary>
    public Runspace Runspace => _runspace;

    /// <summary>What Import-Module returned (the PSModuleInfo) and wrote.</summary>
    public ScriptResult ImportResult { get; }

    /// <summary>A runspace with the module imported; a <paramref name="host"/> renders Out-Default as text.</summary>
    public static ModuleRunspace Start(PSHost? host = null) => new(host);

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public object? GetVariable(string name) => _runspace.SessionStateProxy.GetVariable(name);

    /// <summary>Runs <paramref name="script"/>; arguments are available as $args.</summary>
    public ScriptResult Run(string script, params object?[] arguments)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }

        var output = new Collection<PSObject>();
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }

        return new ScriptResult(
            output.ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Progress.ToList(),
            terminating);
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>Everything one script produced.</summary>
internal sealed record ScriptResult(
    List<PSObject> Output,
    List<ErrorRecord> Errors,
    List<string> Warnings,
    List<string> Verbose,
    List<ProgressRecord> Progress,
    Exception? Terminating)
{
    /// <summary>Fails unless the script ran without any error.</summary>
    public ScriptResult Clean()
    {
        Assert.True(Terminating is null && Errors.Count == 0, Describe());
        return this;
    }

    public string Describe() =>
        $"terminating: {Terminating?.Message ?? "none"}; errors: [{string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))}]";

    /// <summary>A property of output object <paramref name="index"/>, as PowerShell sees it.</summary>
    public object? Value(int index, string property) => Unwrap(Output[index].Properties[property]?.Value);

    /// <summary>The text a property's value gives (what Export-Csv and Format-Table print).</summary>
    public string? Text(int index, string property) => Output[index].Properties[property]?.Value?.ToString();

    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
