using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Areas.ProjectApiKeys;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.ServiceAccounts;

/// <summary>
/// Project service accounts: list (limit 1-100, default 20, after), create (name; create_service_account_only → role
/// "none" and api_key null, otherwise role "member" and a new project API key whose value is returned this once),
/// retrieve, delete (also deletes the account's API keys). Archived projects refuse new service accounts.
/// </summary>
public sealed class ServiceAccountsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ServiceAccountStore>();
        var keys = state.Store<ProjectApiKeyStore>();
        var projects = state.Store<ProjectStore>();
        var audit = state.Store<AuditLogStore>();
        var accounts = v1.MapGroup("/organization/projects/{project_id}/service_accounts");

        accounts.MapGet("", (string project_id, HttpRequest request) =>
            Results.Json(CursorList.Page(store.For(project_id), ListQuery.Parse(request, ListSpec.Standard)), EmulatorJson.Options));

        accounts.MapPost("", async (string project_id, HttpRequest request) =>
        {
            var items = store.For(project_id);
            var body = await JsonBody.ReadAsync(request);
            var name = body.RequiredString("name");
            if (string.IsNullOrWhiteSpace(name))
                throw ApiErrors.BadRequest("Invalid 'name': string too short. Expected a string with minimum length 1, but got an empty string instead.", "name", "string_below_min_length").Throw();
            var (_, only) = body.OptionalBool("create_service_account_only");
            if (projects.Get(project_id) is { IsArchived: true })
                throw ApiErrors.BadRequest($"Project {project_id} is archived: service accounts cannot be added to it.", "project_id").Throw();

            var serviceAccountOnly = only == true;
            var account = items.Append(last => new ServiceAccount
            {
                Id = state.Ids.New("svc_acct_"),
                Name = name,
                Role = serviceAccountOnly ? "none" : "member",
                CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
            });
            audit.Record("service_account.created", new JsonObject { ["id"] = account.Id, ["data"] = new JsonObject { ["role"] = account.Role } }, project_id);

            CreatedKey? apiKey = null;
            if (!serviceAccountOnly)
            {
                var (value, redacted) = keys.NewValue("sk-svcacct-");
                var key = keys.AddForServiceAccount(project_id, new ApiKeyOwnerServiceAccount(account.Id, account.Name, account.CreatedAt, account.Role),
                    "Secret Key", redacted, account.CreatedAt);
                apiKey = new CreatedKey(key.Id, value, key.Name, key.CreatedAt);
                audit.Record("api_key.created", new JsonObject
                {
                    ["id"] = key.Id,
                    ["data"] = new JsonObject { ["scopes"] = new JsonArray("api.model.request") },
                }, project_id);
            }
            return Results.Json(new CreatedServiceAccount(account.Id, account.Name, account.Role, account.CreatedAt, apiKey), EmulatorJson.Options);
        });

        accounts.MapGet("/{service_account_id}", (string project_id, string service_account_id) =>
            store.For(project_id).Get(service_account_id) is { } account
                ? Results.Json(account, EmulatorJson.Options)
                : ApiErrors.NoSuch("service account", service_account_id).ToResult());

        accounts.MapDelete("/{service_account_id}", (string project_id, string service_account_id) =>
        {
            var items = store.For(project_id);
            if (items.Remove(service_account_id) is null) return ApiErrors.NoSuch("service account", service_account_id).ToResult();
            keys.RemoveOwnedBy(project_id, service_account_id);
            audit.Record("service_account.deleted", new JsonObject { ["id"] = service_account_id }, project_id);
            return Results.Json(new { @object = "organization.project.service_account.deleted", id = service_account_id, deleted = true }, EmulatorJson.Options);
        });
    }

    /// <summary>ProjectServiceAccountCreateResponse: api_key is always present (null with create_service_account_only).</summary>
    private sealed record CreatedServiceAccount(string Id, string Name, string Role, long CreatedAt, CreatedKey? ApiKey)
    {
        public string Object => "organization.project.service_account";
    }

    /// <summary>ProjectServiceAccountApiKey: the only time the key's value is sent.</summary>
    private sealed record CreatedKey(string Id, string Value, string Name, long CreatedAt)
    {
        [JsonPropertyOrder(-1)] public string Object => "organization.project.service_account.api_key";
    }
}
