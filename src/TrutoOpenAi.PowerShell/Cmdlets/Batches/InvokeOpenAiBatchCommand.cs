using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs
{
    /// <summary>Runs model requests through the Batch API and writes one result per request, in input order.</summary>
    /// <remarks>
    /// <para>The batch workflow in one cmdlet. It gathers the piped requests: the batch request lines of
    /// Invoke-OpenAiResponse -AsBatchRequest or New-OpenAiEmbedding -AsBatchRequest, hashtables or objects with custom_id,
    /// url and body (method POST), or JSONL text lines (Get-Content requests.jsonl). It then writes them to a temporary
    /// JSONL file, uploads it (purpose batch), creates the batch, and waits with a progress bar per batch on the module's
    /// shared poller. Finally it downloads the output and error files and writes one OpenAiBatchResult per request, matched
    /// through its custom_id, carrying the request's InputObject, in input order. Results stream out as soon as every
    /// earlier one is known.</para>
    /// <para>A batch has one endpoint and at most 50,000 requests and 200 MB, so the requests are grouped by endpoint and
    /// split into as many batches as needed, which run side by side (-MaxRequestsPerBatch sets a smaller size).</para>
    /// <para>A request that failed (an error status, a failed or incomplete response) is a result with Succeeded false and
    /// its ErrorCode and ErrorMessage, in its place; a warning counts them. Requests of a batch that failed, expired or was
    /// cancelled come back the same way, with an OpenAiBatchFailed error (or a warning) for the batch itself.</para>
    /// <para>The files the workflow makes on the server are deleted once they served: the output and error files after they
    /// were read, the uploaded input file once its batch ended (completed, failed, expired or cancelled) or could not be
    /// created. -KeepFiles keeps them all. A batch still running after -Timeout keeps its input file, and a file that
    /// could not be read is kept; a file that cannot be deleted is a warning.</para>
    /// <para>-Timeout stops waiting after that many seconds: the batches go on, and their pending requests come back with
    /// ErrorCode batch_timeout. Ctrl+C stops at once, leaving the batches running (their ids are in the verbose stream).
    /// Duplicate custom ids, unknown endpoints and lines without a body are refused before any request. Verb: Invoke, as
    /// Invoke-OpenAiResponse, because the cmdlet runs the model requests to their answers. New-OpenAiBatch only creates
    /// a batch from a file you uploaded. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>'Paris', 'Lima', 'Tokyo' | ForEach-Object { "Which country is $_ the capital of?" } | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest | Invoke-OpenAiBatch -PollInterval 0.5 | Select-Object InputObject, Output</code>
    /// <para>Asks three questions in one batch and shows each answer next to its question.</para>
    /// </example>
    /// <example>
    /// <code>'refunds', 'shipping', 'returns' | New-OpenAiEmbedding -Model text-embedding-3-small -Dimensions 256 -AsBatchRequest | Invoke-OpenAiBatch -Metadata @{ job = 'nightly' } | ForEach-Object { [pscustomobject]@{ Text = $_.InputObject; Dimensions = $_.Output.Count } }</code>
    /// <para>Embeds texts through the Batch API, which costs half the synchronous price, tagging the batch.</para>
    /// </example>
    /// <example>
    /// <code>1..500 | ForEach-Object { "Summarize ticket $_" } | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest | Invoke-OpenAiBatch -MaxRequestsPerBatch 200 -WhatIf</code>
    /// <para>Shows that 500 requests would run as 3 batches, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "OpenAiBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiBatchResult))]
    public sealed class InvokeOpenAiBatchCommand : OpenAiCmdlet
    {
        private readonly List<OpenAiBatchRequest> _requests = new List<OpenAiBatchRequest>();
        private OpenAiBatchResult?[] _results = new OpenAiBatchResult?[0];
        private int _written;
        private int _failed;

        /// <summary>A request: a line from -AsBatchRequest, a hashtable or object with custom_id, url and body, or a JSONL line.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Up to 16 string pairs set on every batch created (e.g. a job name).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        /// <summary>The most requests per batch (default and API limit 50,000); more requests are split into several batches.</summary>
        [Parameter]
        [ValidateRange(1, BatchWorkflow.MaxRequestsPerBatch)]
        public int MaxRequestsPerBatch { get; set; } = BatchWorkflow.MaxRequestsPerBatch;

        /// <summary>Seconds to wait at most for the batches; requests still pending then come back with ErrorCode batch_timeout (the batches go on).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Seconds between two reads of each batch (default 1, growing by half each read up to 10); never less than the API asks with openai-poll-after-ms.</summary>
        [Parameter]
        [ValidateRange(0.05, 300.0)]
        public double PollInterval { get; set; } = 1.0;

        /// <summary>Keep the files the workflow makes on the server (the uploaded JSONL input and the output and error files); by default they are deleted once read.</summary>
        [Parameter]
        public SwitchParameter KeepFiles { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            Try(InputObject, () => _requests.Add(ToRequest(InputObject)));
        }

        protected override void EndProcessing()
        {
            if (_requests.Count == 0) return;
            var duplicate = _requests.Select((r, i) => (r.CustomId, i)).GroupBy(p => p.CustomId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                var positions = string.Join(", ", duplicate.Take(5).Select(p => p.i + 1));
                WriteError(new ErrorRecord(new OpenAiValidationException("InputObject",
                        $"The custom_id '{duplicate.Key}' is used by requests {positions}: each request needs its own custom_id, which matches its result to it. Nothing was sent.",
                        "OpenAiDuplicateCustomId"), "OpenAiDuplicateCustomId", ErrorCategory.InvalidArgument, duplicate.Key));
                return;
            }
            List<BatchChunk> chunks;
            try
            {
                chunks = BatchWorkflow.Split(_requests, MaxRequestsPerBatch);
            }
            catch (OpenAiValidationException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
                return;
            }
            var endpoints = string.Join(", ", chunks.Select(c => c.Endpoint).Distinct());
            if (!ShouldProcess($"{_requests.Count} request(s) to {endpoints} in {chunks.Count} batch(es)", "Run through the Batch API")) return;

            _results = new OpenAiBatchResult?[_requests.Count];
            var targets = new List<PollTarget<OpenAiBatch>>();
            for (var c = 0; c < chunks.Count; c++)
            {
                var chunk = chunks[c];
                var label = chunks.Count == 1 ? "batch" : $"batch {c + 1} of {chunks.Count}";
                try
                {
                    var batch = Start(chunk, label);
                    targets.Add(new PollTarget<OpenAiBatch>($"{label} {batch.Id} ({chunk.Indexes.Count} requests to {chunk.Endpoint})",
                        (observer, cancellationToken) => new BatchService(Client).GetAsync(batch.Id, observer, cancellationToken), chunk));
                }
                catch (Exception ex) when (ex is OpenAiException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteOrThrow(ex, label);
                    Fill(chunk, null, null, "batch_not_created", $"The {label} could not be created: {ex.Message}");
                }
            }
            Flush();
            var settings = new PollSettings<OpenAiBatch>(BatchPolling.Classify, BatchPolling.Describe, BatchPolling.FailedErrorId)
            {
                Interval = MyInvocation.BoundParameters.ContainsKey(nameof(PollInterval)) ? TimeSpan.FromSeconds(PollInterval) : (TimeSpan?)null,
                Timeout = Timeout is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null,
            };
            Poll(targets, settings, target =>
            {
                Collect(target);
                Flush();
            });
            Flush();
            if (_failed > 0)
                WriteWarning($"{_failed} of {_results.Length} request(s) failed: their results have Succeeded false, with ErrorCode and ErrorMessage.");
        }

        /// <summary>Writes the chunk to a temporary JSONL file, uploads it and creates its batch.</summary>
        private OpenAiBatch Start(BatchChunk chunk, string label)
        {
            var path = Path.Combine(Path.GetTempPath(), $"trutoopenai-batch-{Guid.NewGuid():N}.jsonl");
            try
            {
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                    BatchWorkflow.WriteJsonl(chunk, file);
                WriteVerbose($"Uploading the {label}: {chunk.Indexes.Count} request(s), {chunk.Bytes:N0} bytes of JSONL.");
                var uploaded = Await(observer => new FileService(Client).UploadAsync(path, "batch", "batch-requests.jsonl", null, observer, CancellationToken));
                var body = new BatchCreateRequest { InputFileId = uploaded.Id, Endpoint = chunk.Endpoint };
                if (Metadata != null) body.Metadata = Metadata.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? string.Empty);
                OpenAiBatch batch;
                try
                {
                    batch = Await(observer => new BatchService(Client).CreateAsync(body, observer, CancellationToken));
                }
                catch (OpenAiException)
                {
                    DeleteFile(uploaded.Id, "input"); // no batch will read it
                    throw;
                }
                WriteVerbose($"Created batch {batch.Id} (input file {uploaded.Id}) for requests {chunk.Indexes[0] + 1}..{chunk.Indexes[chunk.Indexes.Count - 1] + 1}: " +
                    $"Wait-OpenAiBatch -Id {batch.Id} waits for it, Stop-OpenAiBatch -Id {batch.Id} cancels it.");
                return batch;
            }
            finally
            {
                try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        /// <summary>Reads the ended batch's output and error files and fills in the results of its requests.</summary>
        private void Collect(PollTarget<OpenAiBatch> target)
        {
            var chunk = (BatchChunk)target.Tag!;
            var batch = target.Last;
            var outcomes = new Dictionary<string, BatchLineOutcome>(StringComparer.Ordinal);
            foreach (var (fileId, kind) in new[] { (batch?.OutputFileId, "output"), (batch?.ErrorFileId, "error") })
            {
                if (string.IsNullOrEmpty(fileId)) continue;
                var read = false;
                Try(fileId, () =>
                {
                    Download(fileId!, outcomes);
                    read = true;
                });
                if (read) DeleteFile(fileId!, kind); // an unread file is kept, for Save-OpenAiFileContent
            }
            // The input file is needed while the batch runs: deleted only once it ended (not after -Timeout).
            if (target.Outcome != PollState.Pending && batch?.InputFileId is { Length: > 0 } inputFileId) DeleteFile(inputFileId, "input");
            var id = batch?.Id ?? "?";
            var (code, message) = target.Outcome switch
            {
                PollState.Done => ("no_result", $"Batch {id} completed without a result for this request."),
                PollState.Stopped => ("batch_cancelled", $"Batch {id} was cancelled before this request ran."),
                PollState.Pending => ("batch_timeout", $"Batch {id} was still {batch?.Status} when -Timeout ran out; it goes on (Wait-OpenAiBatch -Id {id}, then read its OutputFileId)."),
                _ when batch is null => ("batch_unreadable", "The batch could not be read."),
                _ when batch.Status == "expired" => ("batch_expired", $"Batch {id} expired before this request ran."),
                _ => ("batch_failed", $"Batch {id} {batch.Status}: " + string.Join("; ", batch.Errors?.Data?.Take(3).Select(e => e.ToString()) ?? Enumerable.Empty<string>())),
            };
            Fill(chunk, outcomes, batch?.Id, code, message);
        }

        /// <summary>Deletes a file the workflow made on the server, unless -KeepFiles; a failure is a warning (the results stand).</summary>
        private void DeleteFile(string fileId, string kind)
        {
            if (KeepFiles) return;
            try
            {
                Await(observer => new FileService(Client).DeleteAsync(fileId, observer, CancellationToken));
                WriteVerbose($"Deleted the batch {kind} file {fileId} (-KeepFiles keeps it).");
            }
            catch (OpenAiException ex)
            {
                WriteWarning($"The batch {kind} file {fileId} could not be deleted: {ex.Message}");
            }
        }

        private void Download(string fileId, Dictionary<string, BatchLineOutcome> outcomes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"trutoopenai-batch-{Guid.NewGuid():N}.out.jsonl");
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var bytes = Await(observer => new FileService(Client).DownloadContentAsync(fileId, file, observer, CancellationToken));
            file.Position = 0;
            var skipped = BatchWorkflow.ReadOutcomes(file, outcomes);
            WriteVerbose($"Read {bytes:N0} bytes of results from file {fileId}" + (skipped > 0 ? $" ({skipped} unreadable line(s) skipped)." : "."));
        }

        private void Fill(BatchChunk chunk, Dictionary<string, BatchLineOutcome>? outcomes, string? batchId, string missingCode, string missingMessage)
        {
            foreach (var index in chunk.Indexes)
            {
                var request = _requests[index];
                BatchLineOutcome? outcome = null;
                outcomes?.TryGetValue(request.CustomId, out outcome);
                _results[index] = BatchWorkflow.ToResult(index, request, outcome, batchId, missingCode, missingMessage);
            }
        }

        /// <summary>Writes the results known so far that every earlier result precedes: input order, as early as possible.</summary>
        private void Flush()
        {
            while (_written < _results.Length && _results[_written] is { } result)
            {
                _results[_written++] = null; // written: let it go
                if (!result.Succeeded) _failed++;
                WriteObject(result);
            }
        }

        /// <summary>A request from what was piped: a line object, a hashtable or object with custom_id/url/body, or a JSONL line.</summary>
        private static OpenAiBatchRequest ToRequest(PSObject input)
        {
            OpenAiBatchRequest request;
            switch (input.BaseObject)
            {
                case OpenAiBatchRequest line:
                    request = line;
                    break;
                case string text:
                    JsonObject parsed;
                    try
                    {
                        parsed = JsonNode.Parse(text) as JsonObject ?? throw Invalid("a JSONL line must be a JSON object");
                    }
                    catch (JsonException ex)
                    {
                        throw Invalid("a string must be one JSONL request line: " + ex.Message);
                    }
                    request = new OpenAiBatchRequest
                    {
                        CustomId = (string?)parsed["custom_id"] ?? string.Empty,
                        Method = (string?)parsed["method"] ?? "POST",
                        Url = (string?)parsed["url"] ?? string.Empty,
                        Body = parsed["body"] as JsonObject,
                        InputObject = text,
                    };
                    break;
                default:
                    if (!(FunctionTool.ToPlainObject(input) is Dictionary<string, object?> plain))
                        throw Invalid($"a {input.BaseObject?.GetType().Name ?? "null"} is not a request (give -AsBatchRequest lines, objects with custom_id, url and body, or JSONL lines)");
                    var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in plain) fields[pair.Key.Replace("_", string.Empty)] = pair.Value;
                    var body = fields.TryGetValue("body", out var b) && b != null ? ModelInput.ToJsonObject(b, "InputObject", "OpenAiInvalidBatchRequest") : null;
                    request = new OpenAiBatchRequest
                    {
                        CustomId = fields.TryGetValue("customid", out var id) ? id?.ToString() ?? string.Empty : OpenAiBatchRequest.NewCustomId(),
                        Method = fields.TryGetValue("method", out var method) ? method?.ToString() ?? "POST" : "POST",
                        Url = fields.TryGetValue("url", out var url) ? url?.ToString() ?? string.Empty : string.Empty,
                        Body = body,
                        InputObject = fields.ContainsKey("inputobject") ? Attached(input) : input,
                    };
                    break;
            }
            if (string.IsNullOrEmpty(request.CustomId)) throw Invalid("the request has no custom_id");
            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase)) throw Invalid($"the method is '{request.Method}'; batch requests are POST");
            if (!BatchWorkflow.Endpoints.Contains(request.Url))
                throw Invalid($"the url '{request.Url}' is not an endpoint batches can call ({string.Join(", ", BatchWorkflow.Endpoints)})");
            if (request.Body is null) throw Invalid("the request has no body");
            return request;
        }

        /// <summary>The InputObject a hashtable or object carries as it was given (not flattened).</summary>
        private static object? Attached(PSObject input) => input.BaseObject is IDictionary dictionary
            ? dictionary.Keys.Cast<object>().Where(k => string.Equals(k?.ToString(), "InputObject", StringComparison.OrdinalIgnoreCase)).Select(k => dictionary[k]).FirstOrDefault()
            : input.Properties["InputObject"]?.Value;

        private static OpenAiValidationException Invalid(string why) =>
            new OpenAiValidationException("InputObject", $"Not a batch request: {why}.", "OpenAiInvalidBatchRequest");
    }
}
