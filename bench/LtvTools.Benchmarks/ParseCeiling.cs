using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>
/// The cost of just tokenising the file: one thread, 64 KB blocks as the core reads them, a
/// <see cref="Utf8JsonReader"/> that visits every token and does nothing else.
/// </summary>
internal static class ParseCeiling
{
    private const int BlockSize = 1 << 16;

    /// <summary>Returns the number of tokens, so the pass cannot be optimised away.</summary>
    public static long CountTokens(string path)
    {
        var buffer = new byte[BlockSize];
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true });
        long tokens = 0;
        var carried = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        while (true)
        {
            if (carried == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = file.Read(buffer, carried, buffer.Length - carried);
            var available = carried + read;
            var final = read == 0;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, available), final, state);
            while (reader.Read())
            {
                tokens++;
            }

            if (final)
            {
                return tokens;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            carried = available - consumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, carried);
        }
    }
}
