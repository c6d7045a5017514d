using System;
using LtvTools.Core;

namespace LtvTools.Commands
{
    /// <summary>
    /// The exception of a rejected record's error record: its message is "&lt;file&gt;:&lt;line&gt;: &lt;reason&gt;", and
    /// <see cref="Rejection"/> gives the same as data, so scripts need not parse messages:
    /// <c>$bad | Group-Object { $_.Exception.Rejection.Source }</c>.
    /// </summary>
    public sealed class EventRejectedException : Exception
    {
        /// <summary>Wraps <paramref name="rejection"/>.</summary>
        public EventRejectedException(EventRejection rejection)
            : base(rejection.ToString())
        {
            Rejection = rejection;
        }

        /// <summary>The rejection: Source (the file, or InputObject), Line, Kind, Reason and RawText.</summary>
        public EventRejection Rejection { get; }
    }
}
