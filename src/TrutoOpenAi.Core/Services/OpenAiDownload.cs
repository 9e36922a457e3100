using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Sends a request whose answer is bytes (file content, audio) and streams them to a destination as they arrive.</summary>
    public static class OpenAiDownload
    {
        /// <summary>Streams the response body into <paramref name="destination"/> without buffering it; returns the number of bytes.</summary>
        public static async Task<long> DownloadAsync(this OpenAiClient client, OpenAiRequest request, Stream destination,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            request.StreamResponse = true;
            using var response = await client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                total += read;
            }
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return total;
        }
    }
}
