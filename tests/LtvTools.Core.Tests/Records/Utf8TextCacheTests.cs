using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Reused profile texts must read exactly as the bytes say, whatever the table holds.</summary>
public class Utf8TextCacheTests
{
    [Fact]
    public void Equal_bytes_give_one_string_and_other_bytes_their_own()
    {
        var cache = new Utf8TextCache();

        var first = cache.Text(Present("Springfield"));
        var again = cache.Text(Present("Springfield"));
        var other = cache.Text(Present("Springfielt"));

        Assert.Equal("Springfield", first);
        Assert.Same(first, again);
        Assert.Equal("Springfielt", other);
    }

    [Fact]
    public void Every_value_reads_as_its_bytes_when_many_share_the_table()
    {
        // Far more distinct values than slots, and every one read twice: collisions must never mix them up.
        var cache = new Utf8TextCache();
        var values = Enumerable.Range(0, 5000).Select(i => "City" + i).ToArray();
        foreach (var value in values.Concat(values))
        {
            Assert.Equal(value, cache.Text(Present(value)));
        }
    }

    [Theory]
    [InlineData("NonAscii", "Zürich")]
    [InlineData("Long", "A city name that is much longer than the thirty-two bytes kept")]
    [InlineData("Empty", "")]
    public void Values_outside_the_cached_kind_read_correctly(string name, string value)
    {
        Assert.NotEmpty(name);
        var cache = new Utf8TextCache();

        Assert.Equal(value, cache.Text(Present(value)));
        Assert.Equal(value, cache.Text(Present(value)));
    }

    [Fact]
    public void Absent_values_are_null_and_decoded_values_pass_through()
    {
        var cache = new Utf8TextCache();

        Assert.Null(cache.Text(default(JsonText)));
        Assert.Equal("a\"b", cache.Text(new JsonText { IsPresent = true, Decoded = "a\"b" }));
    }

    private static JsonText Present(string value) => new() { IsPresent = true, Utf8Bytes = Encoding.UTF8.GetBytes(value) };
}
