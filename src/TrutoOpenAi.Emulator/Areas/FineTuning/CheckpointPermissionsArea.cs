using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.FineTuning;

/// <summary>FineTuningCheckpointPermission: a project allowed to use a checkpoint of the organization.</summary>
public sealed record CheckpointPermission(string Id, long CreatedAt, string ProjectId, [property: System.Text.Json.Serialization.JsonIgnore] string Checkpoint) : IHasId
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "checkpoint.permission";
}

/// <summary>The permissions, oldest first.</summary>
public sealed class CheckpointPermissionStore(EmulatorState state) : IEmulatorStore
{
    public OrderedStore<CheckpointPermission> Items { get; } = new();
    public EmulatorState State { get; } = state;
    public void Reset() => Items.Clear();
}

/// <summary>
/// Checkpoint permissions (admin key, although the path is not under /organization; see AuthMiddleware):
/// GET /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions (limit default 10, after, order
/// ascending|descending default descending, project_id filter), POST (project_ids: existing projects, each at most once
/// per checkpoint; answers a list of the new permissions), DELETE .../permissions/{permission_id}. The checkpoint is the
/// fine_tuned_model_checkpoint name (ft:...) of a checkpoint of a succeeded job; unknown → 404.
/// </summary>
public sealed class CheckpointPermissionsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<CheckpointPermissionStore>();
        var jobs = state.Store<FineTuningStore>();
        var projects = state.Store<ProjectStore>();
        var group = v1.MapGroup("/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions");

        bool Exists(string checkpoint) =>
            jobs.Items.Find(job => job.Checkpoints.Any(c => c.FineTunedModelCheckpoint == checkpoint)) is not null;

        group.MapGet("", (HttpRequest request, string fine_tuned_model_checkpoint) =>
        {
            var query = ListQuery.Parse(request, new ListSpec(DefaultLimit: 10));
            var order = request.Query.TryGetValue("order", out var rawOrder) ? rawOrder[0] ?? "" : "descending";
            if (order is not ("ascending" or "descending"))
                throw ApiErrors.BadRequest($"Invalid value for 'order': expected one of 'ascending' or 'descending', but got '{order}' instead.", "order", "invalid_value").Throw();
            if (!Exists(fine_tuned_model_checkpoint)) return NoSuch(fine_tuned_model_checkpoint);
            var projectId = request.Query.TryGetValue("project_id", out var rawProject) ? rawProject[0] : null;
            var page = CursorList.Page(store.Items, query with { Descending = order == "descending" }, p => p,
                p => p.Checkpoint == fine_tuned_model_checkpoint && (string.IsNullOrEmpty(projectId) || p.ProjectId == projectId));
            return Results.Json(page, EmulatorJson.Options);
        });

        group.MapPost("", async (HttpRequest request, string fine_tuned_model_checkpoint) =>
        {
            var body = await JsonBody.ReadAsync(request);
            if (!body.Root.TryGetProperty("project_ids", out var ids)) throw ApiErrors.MissingParameter("project_ids").Throw();
            if (ids.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("project_ids", "an array", ids.ValueKind).Throw();
            var projectIds = new List<string>();
            foreach (var id in ids.EnumerateArray())
            {
                if (id.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("project_ids[]", "a string", id.ValueKind).Throw();
                projectIds.Add(id.GetString()!);
            }
            if (projectIds.Count == 0) throw ApiErrors.BadRequest("Invalid 'project_ids': empty array. Expected an array with minimum length 1.", "project_ids", "empty_array").Throw();
            if (!Exists(fine_tuned_model_checkpoint)) return NoSuch(fine_tuned_model_checkpoint);
            foreach (var id in projectIds)
            {
                if (projects.Get(id) is null) throw ApiErrors.BadRequest($"Invalid 'project_ids': no project with id '{id}'.", "project_ids", "invalid_value").Throw();
                if (store.Items.Find(p => p.Checkpoint == fine_tuned_model_checkpoint && p.ProjectId == id) is not null)
                    throw ApiErrors.BadRequest($"Project {id} already has access to checkpoint {fine_tuned_model_checkpoint}.", "project_ids", "invalid_value").Throw();
            }
            var created = projectIds.Distinct().Select(id => store.Items.Append(last =>
                new CheckpointPermission(state.Ids.New("cp_"), Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), id, fine_tuned_model_checkpoint))).ToList();
            return Results.Json(new ListResponse<CheckpointPermission> { Data = created, FirstId = created[0].Id, LastId = created[^1].Id, HasMore = false }, EmulatorJson.Options);
        });

        group.MapDelete("/{permission_id}", (string fine_tuned_model_checkpoint, string permission_id) =>
        {
            if (store.Items.Get(permission_id) is not { } permission || permission.Checkpoint != fine_tuned_model_checkpoint)
                return ApiErrors.NoSuch("checkpoint permission", permission_id).ToResult();
            store.Items.Remove(permission_id);
            return Results.Json(new { id = permission_id, @object = "checkpoint.permission", deleted = true }, EmulatorJson.Options);
        });
    }

    private static IResult NoSuch(string checkpoint) =>
        ApiErrors.NotFound($"No such fine-tuned model checkpoint: {checkpoint}", "fine_tuned_model_checkpoint").ToResult();
}
