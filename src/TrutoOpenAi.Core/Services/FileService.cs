using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The file operations: list, retrieve, upload (multipart), delete, and download the content (API key).</summary>
    public sealed class FileService
    {
        private readonly OpenAiClient _client;

        public FileService(OpenAiClient client) => _client = client;

        /// <summary>Lists files, newest first unless <paramref name="order"/> is <c>asc</c>; limit 1-10000 (API default 10000).</summary>
        public ListPager<OpenAiFile> List(int? limit, string? purpose, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "files")
                .WithQuery("purpose", purpose)
                .WithQuery("limit", limit)
                .WithQuery("order", order);
            return new ListPager<OpenAiFile>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiFile>);
        }

        public Task<OpenAiFile> GetAsync(string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFile>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("files/{file_id}", ("file_id", fileId))),
                observer, cancellationToken);

        /// <summary>
        /// Uploads a local file as multipart/form-data (fields <c>purpose</c>, optional <c>expires_after[anchor]</c> and
        /// <c>expires_after[seconds]</c>, then <c>file</c>). The file is opened afresh for every attempt, so a retried upload
        /// sends the whole file again, and is streamed, never read into memory.
        /// </summary>
        public Task<OpenAiFile> UploadAsync(string localPath, string purpose, string? fileName, long? expiresAfterSeconds,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(localPath)) throw new OpenAiValidationException("Path", "The path of the file to upload is empty.");
            if (string.IsNullOrEmpty(purpose)) throw new OpenAiValidationException("Purpose", "The purpose is empty.");
            if (!File.Exists(localPath)) throw new OpenAiValidationException("Path", $"The file '{localPath}' does not exist.");
            var name = string.IsNullOrEmpty(fileName) ? Path.GetFileName(localPath) : fileName!;
            var request = new OpenAiRequest(HttpMethod.Post, "files")
            {
                ContentFactory = () =>
                {
                    var form = new MultipartFormDataContent();
                    form.Add(new StringContent(purpose), "purpose");
                    if (expiresAfterSeconds is long seconds)
                    {
                        form.Add(new StringContent("created_at"), "expires_after[anchor]");
                        form.Add(new StringContent(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), "expires_after[seconds]");
                    }
                    var stream = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                    var file = new StreamContent(stream, 81920);
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(file, "file", name);
                    return form; // disposed with the request message after the attempt, closing the stream
                },
                BodySummary = expiresAfterSeconds is null ? "multipart {purpose, file}" : "multipart {purpose, expires_after, file}",
            };
            return _client.SendAsync<OpenAiFile>(request, observer, cancellationToken);
        }

        public Task<OpenAiPlatformDeletion> DeleteAsync(string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(
                new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format("files/{file_id}", ("file_id", fileId))),
                observer, cancellationToken);

        /// <summary>
        /// Streams the file's content (GET /files/{file_id}/content) into <paramref name="destination"/> without buffering
        /// it in memory; returns the number of bytes written.
        /// </summary>
        public Task<long> DownloadContentAsync(string fileId, Stream destination, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.DownloadAsync(new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("files/{file_id}/content", ("file_id", fileId))), destination, observer, cancellationToken);
    }
}
