using System;

namespace LtvTools.Core;

/// <summary>The properties of an event record that the contract knows, as flags so a record's seen set is one value.</summary>
[Flags]
internal enum RecordField
{
    None = 0,
    Type = 1 << 0,
    Verb = 1 << 1,
    Key = 1 << 2,
    EventTime = 1 << 3,
    LastName = 1 << 4,
    AdrCity = 1 << 5,
    AdrState = 1 << 6,
    CustomerId = 1 << 7,
    Tags = 1 << 8,
    CameraMake = 1 << 9,
    CameraModel = 1 << 10,
    TotalAmount = 1 << 11,
    Unknown = 1 << 30,
}
