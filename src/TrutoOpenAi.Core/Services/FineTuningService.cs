using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Fine-tuning jobs, their events and checkpoints (API key).</summary>
    public sealed class FineTuningService
    {
        private readonly OpenAiClient _client;

        public FineTuningService(OpenAiClient client) => _client = client;

        /// <summary>Lists the organization's fine-tuning jobs, newest first (has_more-only paging); metadata filters as metadata[k]=v.</summary>
        public ListPager<OpenAiFineTuningJob> ListJobs(int? limit, IDictionary<string, string>? metadata = null)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "fine_tuning/jobs").WithQuery("limit", limit);
            if (metadata != null)
            {
                foreach (var pair in metadata) request.WithQuery($"metadata[{pair.Key}]", pair.Value);
            }
            return new ListPager<OpenAiFineTuningJob>(_client, request, PagingStyle.HasMoreOnly, OpenAiObject.From<OpenAiFineTuningJob>);
        }

        public Task<OpenAiFineTuningJob> GetJobAsync(string jobId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFineTuningJob>(new OpenAiRequest(HttpMethod.Get, JobPath("", jobId)), observer, cancellationToken);

        public Task<OpenAiFineTuningJob> CreateJobAsync(FineTuningJobCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFineTuningJob>(new OpenAiRequest(HttpMethod.Post, "fine_tuning/jobs").WithJsonBody(body), observer, cancellationToken);

        /// <summary>Cancels a job (validating_files, queued, running or paused).</summary>
        public Task<OpenAiFineTuningJob> CancelJobAsync(string jobId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFineTuningJob>(new OpenAiRequest(HttpMethod.Post, JobPath("/cancel", jobId)), observer, cancellationToken);

        /// <summary>Pauses a running job.</summary>
        public Task<OpenAiFineTuningJob> PauseJobAsync(string jobId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFineTuningJob>(new OpenAiRequest(HttpMethod.Post, JobPath("/pause", jobId)), observer, cancellationToken);

        /// <summary>Resumes a paused job.</summary>
        public Task<OpenAiFineTuningJob> ResumeJobAsync(string jobId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiFineTuningJob>(new OpenAiRequest(HttpMethod.Post, JobPath("/resume", jobId)), observer, cancellationToken);

        /// <summary>Lists a job's events, newest first (has_more-only paging); each carries the job id.</summary>
        public ListPager<OpenAiFineTuningEvent> ListEvents(string jobId, int? limit)
        {
            var request = new OpenAiRequest(HttpMethod.Get, JobPath("/events", jobId)).WithQuery("limit", limit);
            return new ListPager<OpenAiFineTuningEvent>(_client, request, PagingStyle.HasMoreOnly, element =>
            {
                var e = OpenAiObject.From<OpenAiFineTuningEvent>(element);
                e.FineTuningJobId = jobId;
                return e;
            });
        }

        /// <summary>Lists a job's checkpoints, newest first (cursor-after paging, API default limit 10).</summary>
        public ListPager<OpenAiFineTuningCheckpoint> ListCheckpoints(string jobId, int? limit)
        {
            var request = new OpenAiRequest(HttpMethod.Get, JobPath("/checkpoints", jobId)).WithQuery("limit", limit);
            return new ListPager<OpenAiFineTuningCheckpoint>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiFineTuningCheckpoint>);
        }

        /// <summary>Lists the projects allowed to use a checkpoint (admin key), newest first unless ascending; optionally one project's.</summary>
        public ListPager<OpenAiFineTuningCheckpointPermission> ListCheckpointPermissions(string checkpoint, int? limit, string? projectId, bool ascending)
        {
            var request = new OpenAiRequest(HttpMethod.Get, PermissionPath(checkpoint))
                .WithQuery("limit", limit).WithQuery("project_id", projectId).WithQuery("order", ascending ? "ascending" : null);
            return new ListPager<OpenAiFineTuningCheckpointPermission>(_client, request, PagingStyle.CursorAfter, element => Permission(element, checkpoint));
        }

        /// <summary>Lets projects use a checkpoint (admin key); returns the new permissions.</summary>
        public async Task<IReadOnlyList<OpenAiFineTuningCheckpointPermission>> CreateCheckpointPermissionsAsync(string checkpoint, IEnumerable<string> projectIds,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = new OpenAiRequest(HttpMethod.Post, PermissionPath(checkpoint))
                .WithJsonBody(new { project_ids = new List<string>(projectIds) });
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var result = new List<OpenAiFineTuningCheckpointPermission>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in data.EnumerateArray()) result.Add(Permission(element, checkpoint));
            }
            return result;
        }

        /// <summary>Removes one project's permission on a checkpoint (admin key).</summary>
        public Task<OpenAiPlatformDeletion> DeleteCheckpointPermissionAsync(string checkpoint, string permissionId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(
                new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format("fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}",
                    ("fine_tuned_model_checkpoint", checkpoint), ("permission_id", permissionId))),
                observer, cancellationToken);

        private static OpenAiFineTuningCheckpointPermission Permission(JsonElement element, string checkpoint)
        {
            var permission = OpenAiObject.From<OpenAiFineTuningCheckpointPermission>(element);
            permission.FineTunedModelCheckpoint = checkpoint;
            return permission;
        }

        private static string PermissionPath(string checkpoint) =>
            OpenAiPath.Format("fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions", ("fine_tuned_model_checkpoint", checkpoint));

        private static string JobPath(string tail, string jobId) =>
            OpenAiPath.Format("fine_tuning/jobs/{fine_tuning_job_id}" + tail, ("fine_tuning_job_id", jobId));
    }

    /// <summary>Body of create-fine-tuning-job.</summary>
    public sealed class FineTuningJobCreateRequest
    {
        public string Model { get; set; } = string.Empty;
        public string TrainingFile { get; set; } = string.Empty;
        public string? ValidationFile { get; set; }
        public string? Suffix { get; set; }
        public long? Seed { get; set; }
        /// <summary>The training method object (type supervised/dpo/reinforcement and its hyperparameters).</summary>
        public object? Method { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }
    }
}
