using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.AdminApiKeys;

/// <summary>
/// Admin API keys: list (limit default 20, no documented range (1-100 enforced like its siblings), after, order asc|desc
/// default asc), create (name required, expires_in_seconds 1-31536000; the value is returned this once), retrieve, delete.
/// </summary>
public sealed class AdminApiKeysArea : IEmulatorArea
{
    private static readonly ListSpec ListSpec = new(DefaultLimit: 20, MinLimit: 1, MaxLimit: 100, DefaultOrder: "asc");

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<AdminApiKeyStore>();
        var audit = state.Store<AuditLogStore>();
        var keys = v1.MapGroup("/organization/admin_api_keys");

        keys.MapGet("", (HttpRequest request) =>
            Results.Json(CursorList.Page(store.Items, ListQuery.Parse(request, ListSpec)), EmulatorJson.Options));

        keys.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = body.RequiredString("name");
            var (_, expiresIn) = body.OptionalInteger("expires_in_seconds", 1, 31_536_000);
            var (value, redacted) = store.NewValue();
            var key = store.Items.Append(last =>
            {
                var now = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0);
                return new AdminApiKey
                {
                    Id = state.Ids.New("key_", 16),
                    Name = name,
                    RedactedValue = redacted,
                    CreatedAt = now,
                    ExpiresAt = expiresIn is { } s ? now + s : null,
                };
            });
            audit.Record("api_key.created", new JsonObject
            {
                ["id"] = key.Id,
                ["data"] = new JsonObject { ["scopes"] = new JsonArray("api.management.read", "api.management.write") },
            });
            // AdminApiKeyCreateResponse = AdminApiKey + value (only here).
            return Results.Json(new
            {
                @object = key.Object, id = key.Id, name = key.Name, redacted_value = key.RedactedValue, created_at = key.CreatedAt,
                expires_at = key.ExpiresAt, last_used_at = key.LastUsedAt, owner = key.Owner, value,
            }, EmulatorJson.Options);
        });

        keys.MapGet("/{key_id}", (string key_id) =>
            store.Items.Get(key_id) is { } key ? Results.Json(key, EmulatorJson.Options) : ApiErrors.NoSuch("admin API key", key_id).ToResult());

        keys.MapDelete("/{key_id}", (string key_id) =>
        {
            if (store.Items.Remove(key_id) is null) return ApiErrors.NoSuch("admin API key", key_id).ToResult();
            audit.Record("api_key.deleted", new JsonObject { ["id"] = key_id });
            return Results.Json(new { id = key_id, @object = "organization.admin_api_key.deleted", deleted = true }, EmulatorJson.Options);
        });
    }
}
