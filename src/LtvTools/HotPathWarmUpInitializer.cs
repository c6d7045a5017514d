using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools;

/// <summary>
/// Starts compiling the engine's per-record code in the background when the module is imported, so that the
/// first command of a fresh session does not wait for the JIT (see the core's HotPathWarmUp).
/// </summary>
public sealed class HotPathWarmUpInitializer : IModuleAssemblyInitializer
{
    /// <summary>Called by PowerShell when the module is imported: starts the background compilation, once per process.</summary>
    public void OnImport() => HotPathWarmUp.Start();
}
