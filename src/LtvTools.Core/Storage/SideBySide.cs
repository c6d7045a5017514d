using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core;

/// <summary>
/// Runs work on a dataset's visit side and its order side at once, one on a pool thread and one on the
/// caller's: the two sides share no state (see <see cref="VisitLedger"/>), so loading or merging them in
/// parallel gives exactly what doing one after the other gives.
/// </summary>
internal static class SideBySide
{
    /// <summary>
    /// Runs both and waits for both. A failure is rethrown as it was thrown; when both fail, the visit side's
    /// (the one a sequential run would have met first, so the error does not depend on timing).
    /// </summary>
    public static void Run(Action visitSide, Action orderSide)
    {
        var visits = Task.Factory.StartNew(visitSide, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        Exception? orderFailure = null;
        try
        {
            orderSide();
        }
        catch (Exception ex)
        {
            orderFailure = ex;
        }

        try
        {
            visits.Wait();
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException ?? ex).Throw();
        }

        if (orderFailure != null)
        {
            ExceptionDispatchInfo.Capture(orderFailure).Throw();
        }
    }
}
