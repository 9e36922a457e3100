using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Models;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Guardrails;

/// <summary>
/// Organization and project data retention (retention_type required, one of the spec's enum for the scope), project
/// model permissions (mode allow_list|deny_list and model_ids required; every id must be a model of GET /v1/models,
/// else 400 model_not_found; DELETE goes back to no policy) and project hosted tool permissions (each member optional,
/// null or {"enabled": bool}; a tool type the spec does not name → 400 unknown_parameter). Unknown project → 404;
/// changing an archived project → 400. Admin key only (AuthMiddleware: /v1/organization).
/// </summary>
public sealed class GuardrailsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<GuardrailStore>();
        var models = state.Store<ModelStore>();

        v1.MapGet("/organization/data_retention", () => OrganizationRetention(store.OrganizationRetention));
        v1.MapPost("/organization/data_retention", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            store.OrganizationRetention = RetentionType(body, GuardrailStore.OrganizationRetentionTypes);
            return OrganizationRetention(store.OrganizationRetention);
        });

        var project = v1.MapGroup("/organization/projects/{project_id}");
        project.MapGet("/data_retention", (string project_id) => ProjectRetention(store.For(project_id)));
        project.MapPost("/data_retention", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var type = RetentionType(body, GuardrailStore.ProjectRetentionTypes);
            return ProjectRetention(store.Update(project_id, g => g with { Retention = type }));
        });

        project.MapGet("/model_permissions", (string project_id) => ModelPermissions(store.For(project_id)));
        project.MapPost("/model_permissions", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, mode) = body.OptionalEnum("mode", ["allow_list", "deny_list"]);
            if (mode is null) throw ApiErrors.MissingParameter("mode").Throw();
            var ids = ModelIds(body, models);
            return ModelPermissions(store.Update(project_id, g => g with { Mode = mode, ModelIds = ids }));
        });
        project.MapDelete("/model_permissions", (string project_id) =>
        {
            store.Update(project_id, g => g with { Mode = "deny_list", ModelIds = [] });
            return Results.Json(new JsonObject { ["object"] = "project.model_permissions.deleted", ["deleted"] = true }, EmulatorJson.Options);
        });

        project.MapGet("/hosted_tool_permissions", (string project_id) => HostedTools(store.For(project_id)));
        project.MapPost("/hosted_tool_permissions", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var changes = ToolChanges(body);
            return HostedTools(store.Update(project_id, g =>
            {
                var tools = new Dictionary<string, bool>(g.Tools);
                foreach (var (tool, enabled) in changes) tools[tool] = enabled;
                return g with { Tools = tools };
            }));
        });
    }

    private static string RetentionType(JsonBody body, string[] allowed)
    {
        var (_, type) = body.OptionalEnum("retention_type", allowed);
        return type ?? throw ApiErrors.MissingParameter("retention_type").Throw();
    }

    private static string[] ModelIds(JsonBody body, ModelStore models)
    {
        if (!body.Root.TryGetProperty("model_ids", out var array) || array.ValueKind == JsonValueKind.Null)
            throw ApiErrors.MissingParameter("model_ids").Throw();
        if (array.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("model_ids", "an array", array.ValueKind).Throw();
        var ids = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType($"model_ids[{index}]", "a string", item.ValueKind).Throw();
            var id = item.GetString()!;
            if (models.Items.Get(id) is null)
                throw ApiErrors.BadRequest($"Invalid value for 'model_ids[{index}]': the model '{id}' does not exist or you do not have access to it.",
                    $"model_ids[{index}]", "model_not_found").Throw();
            if (!ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
            index++;
        }
        return [.. ids];
    }

    private static Dictionary<string, bool> ToolChanges(JsonBody body)
    {
        var changes = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var member in body.Root.EnumerateObject())
        {
            if (!GuardrailStore.HostedTools.Contains(member.Name))
                throw ApiErrors.BadRequest($"Unknown parameter: '{member.Name}'.", member.Name, "unknown_parameter").Throw();
            if (member.Value.ValueKind == JsonValueKind.Null) continue;
            if (member.Value.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType(member.Name, "an object", member.Value.ValueKind).Throw();
            if (!member.Value.TryGetProperty("enabled", out var enabled) || enabled.ValueKind == JsonValueKind.Null)
                throw ApiErrors.MissingParameter($"{member.Name}.enabled").Throw();
            if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw ApiErrors.InvalidType($"{member.Name}.enabled", "a boolean", enabled.ValueKind).Throw();
            changes[member.Name] = enabled.GetBoolean();
        }
        return changes;
    }

    private static IResult OrganizationRetention(string type) =>
        Results.Json(new JsonObject { ["object"] = "organization.data_retention", ["type"] = type }, EmulatorJson.Options);

    private static IResult ProjectRetention(ProjectGuardrails g) =>
        Results.Json(new JsonObject { ["object"] = "project.data_retention", ["type"] = g.Retention }, EmulatorJson.Options);

    private static IResult ModelPermissions(ProjectGuardrails g) =>
        Results.Json(new JsonObject
        {
            ["object"] = "project.model_permissions",
            ["mode"] = g.Mode,
            ["model_ids"] = new JsonArray([.. g.ModelIds.Select(id => (JsonNode)JsonValue.Create(id))]),
        }, EmulatorJson.Options);

    private static IResult HostedTools(ProjectGuardrails g)
    {
        var result = new JsonObject();
        foreach (var (tool, enabled) in g.Tools) result[tool] = new JsonObject { ["enabled"] = enabled };
        return Results.Json(result, EmulatorJson.Options);
    }
}
