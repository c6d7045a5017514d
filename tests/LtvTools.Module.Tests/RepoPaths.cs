namespace LtvTools.Module.Tests;

/// <summary>The repository, the built module and the sample files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The module exactly as users import it, laid out by dotnet build.</summary>
    public static string ModuleManifest => Path.Combine(Root, "out", "LtvTools", "LtvTools.psd1");

    public static string Sample => Path.Combine(Root, "samples", "events.json");

    /// <summary>The challenge's own sample (a copy in tests/data, see tests/data/README.md).</summary>
    public static string ChallengeSample => Path.Combine(Root, "tests", "data", "challenge-sample.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LtvTools.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LtvTools.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder for event files, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ltv-module-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string CopySample(string name) => Copy(RepoPaths.Sample, name);

    public string Copy(string source, string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.Copy(source, path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
