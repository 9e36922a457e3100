using System;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;

namespace TrutoOpenAi.PowerShell.Cmdlets.Uploads
{
    internal static class UploadCmdletHelpers
    {
        /// <summary>-ExpiresAfter as the API's expires_after, refusing values outside 1 hour to 30 days.</summary>
        public static FileExpiration? Expiration(TimeSpan? expiresAfter)
        {
            if (!(expiresAfter is TimeSpan span)) return null;
            var seconds = (long)span.TotalSeconds;
            if (seconds < 3600 || seconds > 2592000)
                throw new OpenAiValidationException("ExpiresAfter", $"-ExpiresAfter must be between 1 hour and 30 days; {span} is not.");
            return new FileExpiration { Seconds = seconds };
        }

        /// <summary>
        /// Turns the core's upload progress into progress records: one per whole percent or finished part (so a 1 GB
        /// upload writes about a hundred records, not one per read), with bytes, parts and the estimated time left.
        /// </summary>
        public static Action<UploadProgress> ProgressWriter(CallObserver observer, int activityId, string activity)
        {
            var gate = new object();
            var lastPercent = -1;
            var lastParts = -1;
            return progress =>
            {
                var percent = progress.TotalBytes == 0 ? 100 : (int)(progress.BytesSent * 100 / progress.TotalBytes);
                lock (gate)
                {
                    if (percent == lastPercent && progress.PartsDone == lastParts) return;
                    lastPercent = percent;
                    lastParts = progress.PartsDone;
                }
                var record = new ProgressRecord(activityId, activity,
                    $"{Megabytes(progress.BytesSent)} of {Megabytes(progress.TotalBytes)}, {progress.PartsDone} of {progress.PartCount} parts done ({progress.UploadId})")
                {
                    PercentComplete = Math.Min(100, Math.Max(0, percent)),
                    SecondsRemaining = progress.Remaining is TimeSpan left ? (int)Math.Ceiling(left.TotalSeconds) : -1,
                };
                observer.OnProgress(record);
            };
        }

        private static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.0} MB";
    }
}
