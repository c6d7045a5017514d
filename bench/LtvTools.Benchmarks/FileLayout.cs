namespace LtvTools.Benchmarks;

/// <summary>Tells an NDJSON file from a JSON array file by its first non-blank byte.</summary>
internal static class FileLayout
{
    public static bool IsArray(string path)
    {
        using var file = File.OpenRead(path);
        int b;
        while ((b = file.ReadByte()) == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF)
        {
        }

        return b == '[';
    }
}
