using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LtvTools;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has no binding redirects for modules, and System.Text.Json's
/// dependencies reference each other at older versions than the ones shipped beside it (for example
/// System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1, the folder has 6.0.0.0).
/// This resolves such requests to the copy in the module folder. PowerShell 7 does not need it.
/// </summary>
public sealed class DesktopAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DesktopAssemblyResolver).Assembly.Location) ?? string.Empty;

    private static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>Called by PowerShell when the module is imported: on .NET Framework, starts resolving assemblies from the module folder.</summary>
    public void OnImport()
    {
        if (IsNetFramework)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    /// <summary>Called by PowerShell when the module is removed: stops resolving assemblies.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var candidate = Path.Combine(ModuleFolder, name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
