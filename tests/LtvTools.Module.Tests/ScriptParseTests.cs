using System.Management.Automation.Language;

namespace LtvTools.Module.Tests;

/// <summary>
/// Every PowerShell file in the repository (build.ps1, the Pester suite, the manifest) parses with the engine's
/// own parser, so a syntax error is caught here before anything runs it.
/// </summary>
public class ScriptParseTests
{
    private static readonly string[] Extensions = { ".ps1", ".psm1", ".psd1" };
    private static readonly string[] Skipped = { "bin", "obj", "out", ".git", "TestResults" };

    public static IEnumerable<object[]> ScriptFiles() =>
        Walk(new DirectoryInfo(RepoPaths.Root))
            .Select(f => new object[] { Path.GetRelativePath(RepoPaths.Root, f.FullName).Replace('\\', '/') })
            .OrderBy(f => (string)f[0], StringComparer.Ordinal);

    [Fact]
    public void The_build_script_the_Pester_suite_and_the_manifest_are_among_the_parsed_files()
    {
        var files = ScriptFiles().Select(f => (string)f[0]).ToList();

        Assert.Contains("build.ps1", files);
        Assert.Contains("tests/LtvTools.Tests.ps1", files);
        Assert.Contains("module/LtvTools.psd1", files);
    }

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void Every_PowerShell_file_parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    private static IEnumerable<FileInfo> Walk(DirectoryInfo dir)
    {
        foreach (var file in dir.EnumerateFiles().Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase)))
        {
            yield return file;
        }

        foreach (var sub in dir.EnumerateDirectories().Where(d => !Skipped.Contains(d.Name, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var file in Walk(sub))
            {
                yield return file;
            }
        }
    }
}
