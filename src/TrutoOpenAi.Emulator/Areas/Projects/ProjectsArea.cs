using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Projects;

/// <summary>
/// Projects (spec tag "Projects"): list-projects, create-project, retrieve-project, modify-project, archive-project.
/// Admin key only (the auth middleware enforces that for every /v1/organization path).
/// </summary>
public sealed class ProjectsArea : IEmulatorArea
{
    // list-projects: limit default 20, range 1-100; after; no before/order (ascending = creation order).
    private static readonly ListSpec ListSpec = ListSpec.Standard;

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ProjectStore>();
        var audit = state.Store<AuditLogStore>(); // changes are audit-logged (project.created/updated/archived)
        var projects = v1.MapGroup("/organization/projects");

        projects.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec);
            var includeArchived = ListQuery.ParseBool(request, "include_archived", false);
            var page = CursorList.Page(store.Items, query, includeArchived ? null : static p => !p.IsArchived);
            return Results.Json(page, EmulatorJson.Options);
        });

        projects.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = ValidName(body.RequiredString("name"));
            var (_, externalKeyId) = body.OptionalString("external_key_id");
            var (_, residency) = body.OptionalEnum("residency", Project.Residencies);
            var project = store.Create(name, externalKeyId, residency);
            audit.Record("project.created", new JsonObject { ["id"] = project.Id, ["data"] = new JsonObject { ["name"] = project.Name, ["title"] = project.Name } }, project.Id);
            return Results.Json(project, EmulatorJson.Options);
        });

        projects.MapGet("/{project_id}", (string project_id) =>
            store.Get(project_id) is { } project
                ? Results.Json(project, EmulatorJson.Options)
                : ApiErrors.NoSuch("project", project_id).ToResult());

        projects.MapPost("/{project_id}", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (namePresent, name) = body.OptionalString("name");
            if (namePresent && name is not null) ValidName(name);
            var (keyPresent, externalKeyId) = body.OptionalString("external_key_id");

            var updated = store.Items.Update(project_id, current =>
            {
                if (current.IsDefault)
                    throw ApiErrors.BadRequest("The default project cannot be modified.").Throw();
                if (current.IsArchived)
                    throw ApiErrors.BadRequest($"Project {current.Id} is archived and cannot be updated.").Throw();
                return current with
                {
                    Name = namePresent && name is not null ? name : current.Name,
                    ExternalKeyId = keyPresent ? externalKeyId : current.ExternalKeyId,
                };
            });
            if (updated is null) return ApiErrors.NoSuch("project", project_id).ToResult();
            audit.Record("project.updated", new JsonObject { ["id"] = updated.Id, ["changes_requested"] = new JsonObject { ["title"] = updated.Name } }, updated.Id);
            return Results.Json(updated, EmulatorJson.Options);
        });

        projects.MapPost("/{project_id}/archive", (string project_id) =>
        {
            // Archiving is idempotent: an archived project keeps its first archived_at. The spec does not forbid
            // archiving the default project, so it is allowed.
            var archived = store.Items.Update(project_id, current => current.IsArchived
                ? current
                : current with { Status = "archived", ArchivedAt = state.Clock.UnixSeconds });
            if (archived is null) return ApiErrors.NoSuch("project", project_id).ToResult();
            audit.Record("project.archived", new JsonObject { ["id"] = archived.Id }, archived.Id);
            return Results.Json(archived, EmulatorJson.Options);
        });
    }

    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw ApiErrors.BadRequest("Invalid 'name': string too short. Expected a string with minimum length 1, but got an empty string instead.", "name", "string_below_min_length").Throw();
        return name;
    }
}
