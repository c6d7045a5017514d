using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>The stable error id of each kind of rejection (documented in the help and the README).</summary>
internal static class RejectionErrorIds
{
    public static string Of(EventRejectionKind kind)
    {
        switch (kind)
        {
            case EventRejectionKind.InvalidJson:
                return "InvalidEventJson";
            case EventRejectionKind.IncompleteRecord:
                return "IncompleteEvent";
            case EventRejectionKind.InvalidFile:
                return "InvalidEventFile";
            default:
                // A rule broken, not an object, or too long: the record itself is wrong.
                return "InvalidEvent";
        }
    }
}
