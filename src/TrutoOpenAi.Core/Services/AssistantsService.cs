using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// The Assistants API (retired by OpenAI on 2026-08-26): assistants, threads, messages, runs and run steps. Thin: each
    /// method is one request; bodies are JSON text built by the caller. Requests carry OpenAI-Beta: assistants=v2.
    /// </summary>
    public sealed class AssistantsService
    {
        private readonly OpenAiClient _client;

        public AssistantsService(OpenAiClient client) => _client = client;

        // Assistants
        public ListPager<OpenAiAssistant> ListAssistants(int? limit) =>
            Pager<OpenAiAssistant>(new OpenAiRequest(HttpMethod.Get, "assistants").WithQuery("limit", limit));

        public Task<OpenAiAssistant> GetAssistantAsync(string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiAssistant>(HttpMethod.Get, Path("assistants/{assistant_id}", ("assistant_id", id)), null, o, ct);

        public Task<OpenAiAssistant> CreateAssistantAsync(string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiAssistant>(HttpMethod.Post, "assistants", body, o, ct);

        public Task<OpenAiAssistant> UpdateAssistantAsync(string id, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiAssistant>(HttpMethod.Post, Path("assistants/{assistant_id}", ("assistant_id", id)), body, o, ct);

        public Task<OpenAiPlatformDeletion> DeleteAssistantAsync(string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiPlatformDeletion>(HttpMethod.Delete, Path("assistants/{assistant_id}", ("assistant_id", id)), null, o, ct);

        // Threads
        public Task<OpenAiThread> GetThreadAsync(string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThread>(HttpMethod.Get, Path("threads/{thread_id}", ("thread_id", id)), null, o, ct);

        public Task<OpenAiThread> CreateThreadAsync(string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThread>(HttpMethod.Post, "threads", body, o, ct);

        public Task<OpenAiThread> UpdateThreadAsync(string id, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThread>(HttpMethod.Post, Path("threads/{thread_id}", ("thread_id", id)), body, o, ct);

        public Task<OpenAiPlatformDeletion> DeleteThreadAsync(string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiPlatformDeletion>(HttpMethod.Delete, Path("threads/{thread_id}", ("thread_id", id)), null, o, ct);

        // Messages
        public ListPager<OpenAiThreadMessage> ListMessages(string threadId, int? limit, string? runId, bool ascending) =>
            Pager<OpenAiThreadMessage>(new OpenAiRequest(HttpMethod.Get, Path("threads/{thread_id}/messages", ("thread_id", threadId)))
                .WithQuery("limit", limit).WithQuery("run_id", runId).WithQuery("order", ascending ? "asc" : null));

        public Task<OpenAiThreadMessage> GetMessageAsync(string threadId, string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadMessage>(HttpMethod.Get, MessagePath(threadId, id), null, o, ct);

        public Task<OpenAiThreadMessage> CreateMessageAsync(string threadId, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadMessage>(HttpMethod.Post, Path("threads/{thread_id}/messages", ("thread_id", threadId)), body, o, ct);

        public Task<OpenAiThreadMessage> UpdateMessageAsync(string threadId, string id, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadMessage>(HttpMethod.Post, MessagePath(threadId, id), body, o, ct);

        public Task<OpenAiPlatformDeletion> DeleteMessageAsync(string threadId, string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiPlatformDeletion>(HttpMethod.Delete, MessagePath(threadId, id), null, o, ct);

        // Runs
        public ListPager<OpenAiThreadRun> ListRuns(string threadId, int? limit) =>
            Pager<OpenAiThreadRun>(new OpenAiRequest(HttpMethod.Get, Path("threads/{thread_id}/runs", ("thread_id", threadId))).WithQuery("limit", limit));

        public Task<OpenAiThreadRun> GetRunAsync(string threadId, string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRun>(HttpMethod.Get, RunPath(threadId, id, ""), null, o, ct);

        public Task<OpenAiThreadRun> CreateRunAsync(string threadId, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRun>(HttpMethod.Post, Path("threads/{thread_id}/runs", ("thread_id", threadId)), body, o, ct);

        public Task<OpenAiThreadRun> UpdateRunAsync(string threadId, string id, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRun>(HttpMethod.Post, RunPath(threadId, id, ""), body, o, ct);

        /// <summary>Cancels a run (queued, in_progress or requires_action): it answers cancelling, then becomes cancelled.</summary>
        public Task<OpenAiThreadRun> CancelRunAsync(string threadId, string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRun>(HttpMethod.Post, RunPath(threadId, id, "/cancel"), null, o, ct);

        /// <summary>Submits the outputs of a run's tool calls ({"tool_outputs":[{"tool_call_id","output"}]}).</summary>
        public Task<OpenAiThreadRun> SubmitToolOutputsAsync(string threadId, string id, string body, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRun>(HttpMethod.Post, RunPath(threadId, id, "/submit_tool_outputs"), body, o, ct);

        // Run steps
        public ListPager<OpenAiThreadRunStep> ListRunSteps(string threadId, string runId, int? limit) =>
            Pager<OpenAiThreadRunStep>(new OpenAiRequest(HttpMethod.Get, RunPath(threadId, runId, "/steps")).WithQuery("limit", limit));

        public Task<OpenAiThreadRunStep> GetRunStepAsync(string threadId, string runId, string id, IOpenAiCallObserver? o, CancellationToken ct) =>
            Send<OpenAiThreadRunStep>(HttpMethod.Get,
                Path("threads/{thread_id}/runs/{run_id}/steps/{step_id}", ("thread_id", threadId), ("run_id", runId), ("step_id", id)), null, o, ct);

        private ListPager<T> Pager<T>(OpenAiRequest request) where T : OpenAiObject =>
            new ListPager<T>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<T>);

        private Task<T> Send<T>(HttpMethod method, string path, string? body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) where T : OpenAiObject
        {
            var request = new OpenAiRequest(method, path);
            if (body != null) request.WithJsonBody(body);
            return _client.SendAsync<T>(request, observer, cancellationToken);
        }

        private static string Path(string template, params (string, string?)[] values) => OpenAiPath.Format(template, values);

        private static string MessagePath(string threadId, string id) =>
            Path("threads/{thread_id}/messages/{message_id}", ("thread_id", threadId), ("message_id", id));

        private static string RunPath(string threadId, string id, string tail) =>
            Path("threads/{thread_id}/runs/{run_id}" + tail, ("thread_id", threadId), ("run_id", id));
    }
}
