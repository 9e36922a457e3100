using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Evals, their runs and the runs' output items (API key).</summary>
    public sealed class EvalService
    {
        private readonly OpenAiClient _client;

        public EvalService(OpenAiClient client) => _client = client;

        /// <summary>Lists the evals, oldest first unless descending (cursor-after paging).</summary>
        public ListPager<OpenAiEval> ListEvals(int? limit, bool descending = false, string? orderBy = null)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "evals").WithQuery("limit", limit)
                .WithQuery("order", descending ? "desc" : null).WithQuery("order_by", orderBy);
            return new ListPager<OpenAiEval>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiEval>);
        }

        public Task<OpenAiEval> GetEvalAsync(string evalId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEval>(new OpenAiRequest(HttpMethod.Get, EvalPath("", evalId)), observer, cancellationToken);

        /// <summary>Creates an eval from the whole request body (name, metadata, data_source_config, testing_criteria) as JSON text.</summary>
        public Task<OpenAiEval> CreateEvalAsync(string bodyJson, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEval>(new OpenAiRequest(HttpMethod.Post, "evals").WithJsonBody(bodyJson), observer, cancellationToken);

        /// <summary>Renames an eval or replaces its metadata (the only fields the API lets change).</summary>
        public Task<OpenAiEval> UpdateEvalAsync(string evalId, string? name, Dictionary<string, string>? metadata, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEval>(new OpenAiRequest(HttpMethod.Post, EvalPath("", evalId)).WithJsonBody(new EvalUpdate { Name = name, Metadata = metadata }),
                observer, cancellationToken);

        /// <summary>Deletes an eval; the deletion's Id is the eval id (the API answers eval_id).</summary>
        public async Task<OpenAiPlatformDeletion> DeleteEvalAsync(string evalId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var deletion = await _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, EvalPath("", evalId)), observer, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(deletion.Id)) deletion.Id = evalId;
            return deletion;
        }

        /// <summary>Lists an eval's runs, oldest first unless descending; <paramref name="status"/> is filtered by the API.</summary>
        public ListPager<OpenAiEvalRun> ListRuns(string evalId, int? limit, string? status, bool descending = false)
        {
            var request = new OpenAiRequest(HttpMethod.Get, EvalPath("/runs", evalId)).WithQuery("limit", limit)
                .WithQuery("status", status).WithQuery("order", descending ? "desc" : null);
            return new ListPager<OpenAiEvalRun>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiEvalRun>);
        }

        public Task<OpenAiEvalRun> GetRunAsync(string evalId, string runId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEvalRun>(new OpenAiRequest(HttpMethod.Get, RunPath("", evalId, runId)), observer, cancellationToken);

        /// <summary>Starts a run from the whole request body (name, metadata, data_source) as JSON text.</summary>
        public Task<OpenAiEvalRun> CreateRunAsync(string evalId, string bodyJson, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEvalRun>(new OpenAiRequest(HttpMethod.Post, EvalPath("/runs", evalId)).WithJsonBody(bodyJson), observer, cancellationToken);

        /// <summary>Cancels a run: a POST to the run itself (the API has no /cancel suffix here).</summary>
        public Task<OpenAiEvalRun> CancelRunAsync(string evalId, string runId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEvalRun>(new OpenAiRequest(HttpMethod.Post, RunPath("", evalId, runId)), observer, cancellationToken);

        /// <summary>Deletes a run; the deletion's Id is the run id (the API answers run_id).</summary>
        public async Task<OpenAiPlatformDeletion> DeleteRunAsync(string evalId, string runId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var deletion = await _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, RunPath("", evalId, runId)), observer, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(deletion.Id)) deletion.Id = runId;
            return deletion;
        }

        /// <summary>Lists a run's output items, oldest first; <paramref name="status"/> (pass or fail) is filtered by the API.</summary>
        public ListPager<OpenAiEvalRunOutputItem> ListOutputItems(string evalId, string runId, int? limit, string? status)
        {
            var request = new OpenAiRequest(HttpMethod.Get, RunPath("/output_items", evalId, runId)).WithQuery("limit", limit).WithQuery("status", status);
            return new ListPager<OpenAiEvalRunOutputItem>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiEvalRunOutputItem>);
        }

        public Task<OpenAiEvalRunOutputItem> GetOutputItemAsync(string evalId, string runId, string itemId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiEvalRunOutputItem>(new OpenAiRequest(HttpMethod.Get,
                OpenAiPath.Format("evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}", ("eval_id", evalId), ("run_id", runId), ("output_item_id", itemId))),
                observer, cancellationToken);

        private static string EvalPath(string tail, string evalId) => OpenAiPath.Format("evals/{eval_id}" + tail, ("eval_id", evalId));

        private static string RunPath(string tail, string evalId, string runId) =>
            OpenAiPath.Format("evals/{eval_id}/runs/{run_id}" + tail, ("eval_id", evalId), ("run_id", runId));

        private sealed class EvalUpdate
        {
            public string? Name { get; set; }
            public Dictionary<string, string>? Metadata { get; set; }
        }
    }
}
