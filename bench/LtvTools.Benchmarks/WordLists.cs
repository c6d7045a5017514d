namespace LtvTools.Benchmarks;

/// <summary>Realistic text for generated events: names, places, cameras, visit tags.</summary>
internal static class WordLists
{
    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    ];

    public static readonly (string City, string State)[] Places =
    [
        ("Middletown", "AK"), ("Springfield", "IL"), ("Franklin", "TN"), ("Greenville", "SC"), ("Bristol", "CT"),
        ("Clinton", "IA"), ("Fairview", "OR"), ("Salem", "MA"), ("Madison", "WI"), ("Georgetown", "TX"),
        ("Arlington", "VA"), ("Ashland", "OH"), ("Burlington", "VT"), ("Manchester", "NH"), ("Oxford", "MS"),
        ("Portland", "ME"), ("Riverside", "CA"), ("Dayton", "NV"), ("Jackson", "WY"), ("Milton", "FL"),
    ];

    public static readonly (string Make, string Model)[] Cameras =
    [
        ("Canon", "EOS 80D"), ("Canon", "EOS R6"), ("Nikon", "D750"), ("Nikon", "Z6 II"), ("Sony", "ILCE-7M3"),
        ("Fujifilm", "X-T4"), ("Apple", "iPhone 12"), ("Apple", "iPhone 14 Pro"), ("Samsung", "SM-G991B"),
        ("Google", "Pixel 7"), ("Olympus", "E-M10 Mark III"), ("Panasonic", "DC-GH5"),
    ];

    public static readonly (string Key, string Value)[] Tags =
    [
        ("campaign", "winter-sale"), ("campaign", "spring-launch"), ("campaign", "black-friday"),
        ("device", "mobile"), ("device", "desktop"), ("device", "tablet"), ("referrer", "google"),
        ("referrer", "newsletter"), ("referrer", "facebook"), ("page", "/products/cameras"), ("page", "/cart"),
        ("page", "/checkout"), ("some key", "some value"), ("locale", "en-US"), ("locale", "es-MX"),
    ];
}
