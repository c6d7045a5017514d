using Xunit.Abstractions;
namespace LtvTools.Module.Tests;
public class ScratchTests(ITestOutputHelper log)
{
    [Fact]
    public void Scratch()
    {
        using var ps = ModuleRunspace.Start();
        using var dir = new TempFolder();
        dir.CopySample("a[1].json");
        dir.CopySample("b.json");
        ps.SetVariable("dir", dir.Path);
        foreach (var script in new[] {
            "Import-LtvEvents samples/events.json | Get-TopLtvCustomer -Top 3",
            "Get-TopLtvCustomer -Path samples/events.json -Top 3",
            "'samples/events.json' | Get-TopLtvCustomer -Top 3",
            "[IO.DirectoryInfo]::new($dir).GetFiles() | Get-TopLtvCustomer -Top 3",
            "[IO.DirectoryInfo]::new($dir).GetFiles() | Import-LtvEvents | ForEach-Object Key",
            "Import-LtvEvents -Path \"$dir/*.json\" | ForEach-Object Key",
            "Import-LtvEvents -Path \"$dir/nomatch*.json\" | ForEach-Object Key",
            "Import-LtvEvents -Path \"$dir/missing.json\",samples/events.json | ForEach-Object Key",
            "Import-LtvEvents -LiteralPath \"$dir/a[1].json\" | ForEach-Object Key",
            "Import-LtvEvents -Path $dir",
            "Get-Help Import-LtvEvents -Full",
            "Get-TopLtvCustomer -Top 0 -Path x",
            "Get-TopLtvCustomer -LifespanYears 0 -Path x",
        })
        {
            var r = ps.Run(script);
            log.WriteLine("### " + script);
            foreach (var o in r.Output) log.WriteLine("  " + o.BaseObject.GetType().Name + " " + o);
            log.WriteLine("  " + r.Describe());
            foreach (var e in r.Errors) log.WriteLine($"  err {e.CategoryInfo.Category} target={e.TargetObject} msg={e.Exception.Message}");
            foreach (var w in r.Warnings) log.WriteLine("  warn " + w);
        }
    }
}
