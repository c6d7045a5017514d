using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>The 8-byte names orders give their customers: hex ids packed, any other id numbered per order side.</summary>
public class CustomerNamesTests
{
    private static readonly string[] Ids = { "b", "cafe", "0cafe", "96f55c7d8f42", "fffffffffffffff", "ffffffffffffffff", "c0", "C1", "c10", "Image-Only", "", "ä" };

    [Fact]
    public void A_name_gives_back_its_customer_and_ranks_as_the_ids_do_in_ordinal_order()
    {
        var names = new CustomerNames();
        var named = Ids.Select(id => (Id: id, Name: names.NameOf(CompactKey.FromString(id)))).ToList();

        Assert.All(named, n => Assert.Equal(n.Id, names.KeyOf(n.Name).ToString()));
        Assert.Equal(named.Select(n => n.Name), Ids.Select(id => names.NameOf(CompactKey.FromString(id))));
        foreach (var x in named)
        {
            foreach (var y in named)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(x.Id, y.Id)), Math.Sign(names.CompareOrdinal(x.Name, y.Name)));
            }
        }
    }

    [Fact]
    public void Another_sides_names_are_adopted_as_the_same_customers_and_a_copy_names_them_alike()
    {
        var east = new CustomerNames();
        var west = new CustomerNames();
        east.NameOf(CompactKey.FromString("only-east"));
        var fromWest = Ids.Select(id => west.NameOf(CompactKey.FromString(id))).ToList();
        var copy = new CustomerNames();
        copy.CopyFrom(west);

        Assert.Equal(Ids, fromWest.Select(name => east.KeyOf(east.Adopt(name, west)).ToString()));
        Assert.Equal(Ids, fromWest.Select(name => copy.KeyOf(name).ToString()));
        Assert.Equal("only-east", east.KeyOf(east.NameOf(CompactKey.FromString("only-east"))).ToString());
    }
}
