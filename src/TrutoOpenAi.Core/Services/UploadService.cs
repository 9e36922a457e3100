using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Media;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>What <see cref="UploadService.UploadFileAsync"/> needs besides the file.</summary>
    public sealed class ChunkedUploadOptions
    {
        public string Purpose { get; set; } = string.Empty;
        public string? FileName { get; set; }
        public string? MimeType { get; set; }
        public long? ExpiresAfterSeconds { get; set; }

        /// <summary>Bytes per part, 1 byte to 64 MB (default 64 MB).</summary>
        public long PartSize { get; set; } = UploadService.MaxPartBytes;

        /// <summary>How many parts are sent at once (default 4).</summary>
        public int Parallelism { get; set; } = 4;

        /// <summary>Called from pool threads as bytes go out and parts finish.</summary>
        public Action<UploadProgress>? Progress { get; set; }

        /// <summary>Called once the upload exists (before any part), e.g. to name it in messages.</summary>
        public Action<OpenAiUpload>? Created { get; set; }
    }

    /// <summary>
    /// The Uploads operations (create, add part, complete, cancel) and <see cref="UploadFileAsync"/>, which sends a local
    /// file of up to 8 GB through them: parts streamed from disk in parallel, each retried by the client, an MD5 computed
    /// in file order alongside and checked by the API at completion, and the upload cancelled on failure or cancellation.
    /// </summary>
    public sealed class UploadService
    {
        /// <summary>The API's limit per part: 64 MB.</summary>
        public const long MaxPartBytes = 64L * 1024 * 1024;

        /// <summary>The API's limit per upload: 8 GB.</summary>
        public const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;

        /// <summary>The Files endpoint's limit (POST /files): 512 MB; larger files need the Uploads API.</summary>
        public const long FilesEndpointMaxBytes = 512L * 1024 * 1024;

        /// <summary>The purposes an upload accepts (CreateUploadRequest.purpose).</summary>
        public static readonly string[] Purposes = { "assistants", "batch", "fine-tune", "vision" };

        // The API has no GET for an upload: remember the size of the uploads this process created, so completing one
        // with a part missing is refused before the request.
        private static readonly ConcurrentDictionary<string, long> KnownSizes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        private readonly OpenAiClient _client;

        public UploadService(OpenAiClient client) => _client = client;

        /// <summary>The declared size of an upload this process created, when known.</summary>
        public static long? KnownSize(string uploadId) => KnownSizes.TryGetValue(uploadId, out var bytes) ? bytes : (long?)null;

        public async Task<OpenAiUpload> CreateAsync(UploadCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            ValidatePurpose(body.Purpose);
            ValidateSize(body.Bytes, body.Filename);
            if (string.IsNullOrEmpty(body.Filename)) throw new OpenAiValidationException("FileName", "The upload needs a file name.");
            if (string.IsNullOrEmpty(body.MimeType)) throw new OpenAiValidationException("MimeType", "The upload needs a MIME type.");
            var upload = await _client.SendAsync<OpenAiUpload>(new OpenAiRequest(HttpMethod.Post, "uploads").WithJsonBody(body), observer, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(upload.Id)) KnownSizes[upload.Id] = body.Bytes;
            return upload;
        }

        /// <summary>Adds <paramref name="length"/> bytes of a local file from <paramref name="offset"/> as a part, streamed from disk.</summary>
        public async Task<OpenAiUploadPart> AddPartAsync(string uploadId, string localPath, long offset, long length, Action<long>? onAttempt,
            Action<int>? onRead, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            ValidatePartLength(length);
            if (!File.Exists(localPath)) throw new OpenAiValidationException("Path", $"The file '{localPath}' does not exist.");
            var fileLength = new FileInfo(localPath).Length;
            if (offset < 0 || offset + length > fileLength)
                throw new OpenAiValidationException("Offset", $"The part {offset}..{offset + length} lies outside the file ({fileLength} bytes).", "OpenAiUploadPartOutOfRange");
            var request = PartRequest(uploadId, () =>
            {
                onAttempt?.Invoke(length);
                return new StreamContent(new FileRangeStream(localPath, offset, length, onRead), 81920);
            });
            var part = await _client.SendAsync<OpenAiUploadPart>(request, observer, cancellationToken).ConfigureAwait(false);
            part.Offset = offset;
            part.Length = length;
            return part;
        }

        /// <summary>Adds bytes held in memory as a part.</summary>
        public async Task<OpenAiUploadPart> AddPartAsync(string uploadId, byte[] data, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            ValidatePartLength(data.LongLength);
            var part = await _client.SendAsync<OpenAiUploadPart>(PartRequest(uploadId, () => new ByteArrayContent(data)), observer, cancellationToken).ConfigureAwait(false);
            part.Length = data.LongLength;
            return part;
        }

        /// <summary>
        /// Completes an upload with its parts in the order given. When the parts' lengths are known (parts this module sent)
        /// and so is the upload's size, a gap or a size that does not add up is refused before the request.
        /// </summary>
        public Task<OpenAiUpload> CompleteAsync(string uploadId, IReadOnlyList<OpenAiUploadPart> parts, string? md5, long? expectedBytes,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            CheckParts(uploadId, parts, expectedBytes ?? KnownSize(uploadId));
            if (md5 != null && !IsMd5(md5))
                throw new OpenAiValidationException("Md5", $"'{md5}' is not an MD5 checksum (32 hexadecimal digits).", "OpenAiInvalidMd5");
            var body = new UploadCompleteRequest { PartIds = parts.Select(p => p.Id).ToList(), Md5 = md5?.ToLowerInvariant() };
            return _client.SendAsync<OpenAiUpload>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("uploads/{upload_id}/complete", ("upload_id", uploadId))).WithJsonBody(body),
                observer, cancellationToken);
        }

        /// <summary>Cancels a pending upload: no part can be added any more and it never becomes a file.</summary>
        public Task<OpenAiUpload> CancelAsync(string uploadId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiUpload>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("uploads/{upload_id}/cancel", ("upload_id", uploadId))),
                observer, cancellationToken);

        /// <summary>
        /// Sends a local file through the Uploads API and returns the completed upload (its <see cref="OpenAiUpload.File"/>
        /// is the new file). Parts of <see cref="ChunkedUploadOptions.PartSize"/> are read straight from disk,
        /// <see cref="ChunkedUploadOptions.Parallelism"/> at a time; the MD5 is computed in file order by a pass running
        /// beside them and sent with the completion. On any failure, or when <paramref name="cancellationToken"/> fires, the
        /// upload is cancelled on the server before the exception surfaces, so nothing is left pending.
        /// </summary>
        public async Task<OpenAiUpload> UploadFileAsync(string localPath, ChunkedUploadOptions options, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (!File.Exists(localPath)) throw new OpenAiValidationException("Path", $"The file '{localPath}' does not exist.");
            ValidatePurpose(options.Purpose);
            ValidatePartLength(options.PartSize);
            if (options.PartSize < 1) throw new OpenAiValidationException("PartSize", "-PartSize must be at least 1 byte.", "OpenAiUploadPartTooLarge");
            if (options.Parallelism < 1 || options.Parallelism > 16)
                throw new OpenAiValidationException("ThrottleLimit", "-ThrottleLimit must be between 1 and 16.");
            var length = new FileInfo(localPath).Length;
            var name = string.IsNullOrEmpty(options.FileName) ? Path.GetFileName(localPath) : options.FileName!;
            ValidateSize(length, name);

            var partSize = options.PartSize;
            var count = length == 0 ? 0 : (int)((length + partSize - 1) / partSize);
            var upload = await CreateAsync(new UploadCreateRequest
            {
                Filename = name,
                Purpose = options.Purpose,
                Bytes = length,
                MimeType = options.MimeType ?? GuessMimeType(name),
                ExpiresAfter = options.ExpiresAfterSeconds is long seconds ? new FileExpiration { Seconds = seconds } : null,
            }, observer, cancellationToken).ConfigureAwait(false);
            options.Created?.Invoke(upload);

            var clock = Stopwatch.StartNew();
            var inFlight = new long[count];
            long doneBytes = 0;
            var doneParts = 0;
            void Report() => options.Progress?.Invoke(new UploadProgress(upload.Id, Interlocked.Read(ref doneBytes) + inFlight.Sum(b => Interlocked.Read(ref b)),
                length, Volatile.Read(ref doneParts), count, clock.Elapsed));

            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Exception? firstFailure = null;
            var completed = false;
            try
            {
                var md5 = Task.Run(() => Md5Async(localPath, length, failed.Token), failed.Token);
                var parts = new OpenAiUploadPart[count];
                using var gate = new SemaphoreSlim(options.Parallelism);
                var tasks = Enumerable.Range(0, count).Select(async index =>
                {
                    await gate.WaitAsync(failed.Token).ConfigureAwait(false);
                    try
                    {
                        var offset = index * partSize;
                        var size = Math.Min(partSize, length - offset);
                        parts[index] = await AddPartAsync(upload.Id, localPath, offset, size,
                            _ => Interlocked.Exchange(ref inFlight[index], 0), // a retried part starts its count again
                            read => { Interlocked.Add(ref inFlight[index], read); Report(); },
                            observer, failed.Token).ConfigureAwait(false);
                        Interlocked.Exchange(ref inFlight[index], 0);
                        Interlocked.Add(ref doneBytes, size);
                        Interlocked.Increment(ref doneParts);
                        Report();
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException && failed.IsCancellationRequested))
                    {
                        Interlocked.CompareExchange(ref firstFailure, ex, null);
                        failed.Cancel(); // stop the other parts: the upload is lost
                        throw;
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToArray();
                try
                {
                    await Task.WhenAll(tasks).ConfigureAwait(false);
                }
                catch when (firstFailure != null)
                {
                    throw firstFailure;
                }
                var checksum = await md5.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                var result = await CompleteAsync(upload.Id, parts, checksum, length, observer, cancellationToken).ConfigureAwait(false);
                completed = true;
                return result;
            }
            finally
            {
                if (!completed) await CancelQuietlyAsync(upload.Id, observer).ConfigureAwait(false);
            }
        }

        private async Task CancelQuietlyAsync(string uploadId, IOpenAiCallObserver? observer)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await CancelAsync(uploadId, observer, limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OpenAiException || ex is OperationCanceledException || ex is HttpRequestException)
            {
                // The original failure matters more; an upload we could not cancel expires after an hour anyway.
            }
        }

        private static async Task<string> Md5Async(string path, long expected, CancellationToken cancellationToken)
        {
            using var md5 = MD5.Create();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 20];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5.TransformBlock(buffer, 0, read, null, 0);
                total += read;
            }
            md5.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            if (total != expected) throw new IOException($"The file '{path}' changed while being uploaded ({expected} bytes before, {total} now).");
            return string.Concat(md5.Hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>The MD5 of a whole local file, as lowercase hex (what Complete-OpenAiUpload -Md5 takes).</summary>
        public static Task<string> ComputeMd5Async(string path, CancellationToken cancellationToken) =>
            Md5Async(path, new FileInfo(path).Length, cancellationToken);

        private static OpenAiRequest PartRequest(string uploadId, Func<HttpContent> data) =>
            new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("uploads/{upload_id}/parts", ("upload_id", uploadId)))
            {
                ContentFactory = () =>
                {
                    var form = new MultipartFormDataContent();
                    var content = data();
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(content, "data", "part");
                    return form; // disposed with the request after the attempt, closing the file
                },
                BodySummary = "multipart {data}",
                // Retried after a 5xx like any read: the operation table marks parts safe to repeat (a part the server kept
                // from a failed attempt is an orphan that completion, which names its parts, never uses).
            };

        public static void ValidatePurpose(string? purpose)
        {
            if (string.IsNullOrEmpty(purpose) || Array.IndexOf(Purposes, purpose) < 0)
                throw new OpenAiValidationException("Purpose",
                    $"The Uploads API takes the purposes {string.Join(", ", Purposes)}; '{purpose}' is not one of them.", "OpenAiUploadPurposeNotSupported");
        }

        public static void ValidateSize(long bytes, string? name)
        {
            if (bytes < 0) throw new OpenAiValidationException("Bytes", "The size of an upload cannot be negative.");
            if (bytes > MaxUploadBytes)
                throw new OpenAiValidationException("Path",
                    $"'{name}' is {bytes} bytes; an upload takes at most 8 GB ({MaxUploadBytes} bytes).", "OpenAiUploadTooLarge");
        }

        public static void ValidatePartLength(long length)
        {
            if (length > MaxPartBytes)
                throw new OpenAiValidationException("Length",
                    $"A part is at most 64 MB ({MaxPartBytes} bytes); {length} bytes is too many. Split it into several parts.", "OpenAiUploadPartTooLarge");
            if (length < 0) throw new OpenAiValidationException("Length", "A part cannot have a negative length.");
        }

        /// <summary>
        /// Refuses, before the request, a completion that cannot succeed: no parts, a part of another upload, the same part
        /// twice, a gap or overlap between parts sent from a file, or lengths that do not add up to the upload's size.
        /// </summary>
        public static void CheckParts(string uploadId, IReadOnlyList<OpenAiUploadPart> parts, long? expectedBytes)
        {
            if (parts.Count == 0 && expectedBytes != 0)
                throw new OpenAiValidationException("PartId", $"Upload {uploadId} cannot be completed without parts.", "OpenAiUploadPartMissing");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (!seen.Add(part.Id))
                    throw new OpenAiValidationException("PartId", $"Part {part.Id} is listed twice.", "OpenAiUploadPartDuplicate");
                if (!string.IsNullOrEmpty(part.UploadId) && part.UploadId != uploadId)
                    throw new OpenAiValidationException("PartId", $"Part {part.Id} belongs to upload {part.UploadId}, not {uploadId}.", "OpenAiUploadPartMismatch");
            }
            if (parts.All(p => p.Offset.HasValue))
            {
                long next = 0;
                foreach (var part in parts)
                {
                    if (part.Offset!.Value != next)
                        throw new OpenAiValidationException("PartId",
                            part.Offset.Value > next
                                ? $"A part is missing: bytes {next}..{part.Offset.Value - 1} of the file were not sent before part {part.Id}."
                                : $"Part {part.Id} starts at byte {part.Offset.Value}, overlapping the part before it (which ends at {next - 1}).",
                            part.Offset.Value > next ? "OpenAiUploadPartMissing" : "OpenAiUploadPartOverlap");
                    next += part.Length;
                }
            }
            if (expectedBytes is long expected && parts.All(p => p.Length > 0 || p.Offset.HasValue))
            {
                var sum = parts.Sum(p => p.Length);
                if (sum != expected)
                    throw new OpenAiValidationException("PartId",
                        sum < expected
                            ? $"A part is missing: the parts carry {sum} bytes, upload {uploadId} was created for {expected}."
                            : $"The parts carry {sum} bytes, more than the {expected} upload {uploadId} was created for.",
                        sum < expected ? "OpenAiUploadPartMissing" : "OpenAiUploadSizeMismatch");
            }
        }

        private static bool IsMd5(string value) =>
            value.Length == 32 && value.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));

        /// <summary>A MIME type from the file name's extension (application/octet-stream when unknown).</summary>
        public static string GuessMimeType(string fileName)
        {
            switch (Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant())
            {
                case ".jsonl": return "text/jsonl";
                case ".json": return "application/json";
                case ".txt": return "text/plain";
                case ".md": return "text/markdown";
                case ".csv": return "text/csv";
                case ".html": case ".htm": return "text/html";
                case ".pdf": return "application/pdf";
                case ".docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case ".pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                case ".png": return "image/png";
                case ".jpg": case ".jpeg": return "image/jpeg";
                case ".webp": return "image/webp";
                case ".gif": return "image/gif";
                case ".mp3": return "audio/mpeg";
                case ".wav": return "audio/wav";
                default: return "application/octet-stream";
            }
        }
    }
}
