using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace LtvTools.Core.Tests;

/// <summary>Named pipes (FIFOs) fed from another thread, and gzip bytes in memory; shared with the module tests.</summary>
internal static class PipeFiles
{
    /// <summary>True where mkfifo exists (Linux, macOS).</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Creates a FIFO in <paramref name="directory"/>: it cannot seek and has no length.</summary>
    public static string MakeFifo(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Writes <paramref name="bytes"/> into the FIFO from another thread (opening it blocks until the reader opens it).</summary>
    public static Thread Feed(string fifo, byte[] bytes)
    {
        var writer = new Thread(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            stream.Write(bytes, 0, bytes.Length);
        }) { IsBackground = true };
        writer.Start();
        return writer;
    }

    /// <summary>One gzip member holding <paramref name="text"/>.</summary>
    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gzip.Write(bytes, 0, bytes.Length);
        }

        return buffer.ToArray();
    }
}
