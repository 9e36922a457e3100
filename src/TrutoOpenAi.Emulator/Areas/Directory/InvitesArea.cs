using System.Text.Json;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// Invites (list-invites, inviteUser, retrieve-invite, delete-invite). Rules: email must look like an address and
/// must not belong to a member (400, param email) nor have a pending invite (400); role reader|owner; projects
/// [{id, role member|owner}] must exist and be active (at most 100 entries); omitted projects = the default project
/// as member, [] = none. Invites expire after 7 days. Accepted invites cannot be deleted (400).
/// </summary>
public sealed class InvitesArea : IEmulatorArea
{
    public const int MaxProjectsPerInvite = 100;

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<DirectoryStore>();
        var invites = v1.MapGroup("/organization/invites");

        invites.MapGet("", (HttpRequest request) =>
            Results.Json(CursorList.Page(store.Invites, ListQuery.Parse(request, ListSpec.Standard), store.View), EmulatorJson.Options));

        invites.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var email = body.RequiredString("email").Trim();
            if (body.Root.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("role").Throw();
            var role = body.RequiredString("role");
            if (!OrgUser.Roles.Contains(role))
                throw ApiErrors.BadRequest($"Invalid value: '{role}'. Supported values are: 'reader' and 'owner'.", "role", "invalid_value").Throw();
            if (!DirectoryStore.LooksLikeEmail(email))
                throw ApiErrors.BadRequest($"Invalid email address: '{email}'.", "email", "invalid_value").Throw();
            if (store.FindUserByEmail(email) is not null)
                throw ApiErrors.BadRequest($"User with email {email} is already a member of this organization.", "email", "user_already_member").Throw();
            if (store.Invites.Find(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase) && store.View(i).Status == "pending") is { } pending)
                throw ApiErrors.BadRequest($"An invite for {email} is already pending ({pending.Id}).", "email", "invite_already_pending").Throw();

            var projects = new List<InviteProject>();
            if (body.Root.TryGetProperty("projects", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("projects", "an array", list.ValueKind).Throw();
                if (list.GetArrayLength() > MaxProjectsPerInvite)
                    throw ApiErrors.BadRequest($"Invalid 'projects': array too long. Expected an array with maximum length {MaxProjectsPerInvite}, but got an array with length {list.GetArrayLength()} instead.", "projects", "array_above_max_length").Throw();
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var param = $"projects[{index++}]";
                    if (item.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType(param, "an object", item.ValueKind).Throw();
                    if (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) throw ApiErrors.MissingParameter(param + ".id").Throw();
                    if (!item.TryGetProperty("role", out var pr) || pr.ValueKind != JsonValueKind.String) throw ApiErrors.MissingParameter(param + ".role").Throw();
                    if (!ProjectMember.Roles.Contains(pr.GetString()))
                        throw ApiErrors.BadRequest($"Invalid value: '{pr.GetString()}'. Supported values are: 'member' and 'owner'.", param + ".role", "invalid_value").Throw();
                    var project = store.Projects.Get(id.GetString()!);
                    if (project is null) throw ApiErrors.BadRequest($"No such project: {id.GetString()}", param + ".id", "invalid_value").Throw();
                    if (project.IsArchived) throw ApiErrors.BadRequest($"Project {project.Id} is archived.", param + ".id", "invalid_value").Throw();
                    projects.Add(new InviteProject(project.Id, pr.GetString()!));
                }
            }
            else if (store.Projects.Items.Find(p => p.IsDefault && !p.IsArchived) is { } defaultProject)
            {
                projects.Add(new InviteProject(defaultProject.Id, "member"));
            }
            return Results.Json(store.CreateInvite(email, role, projects), EmulatorJson.Options);
        });

        invites.MapGet("/{invite_id}", (string invite_id) =>
            store.Invites.Get(invite_id) is { } invite
                ? Results.Json(store.View(invite), EmulatorJson.Options)
                : ApiErrors.NoSuch("invite", invite_id).ToResult());

        invites.MapDelete("/{invite_id}", (string invite_id) =>
        {
            var invite = store.Invites.Get(invite_id);
            if (invite is null) return ApiErrors.NoSuch("invite", invite_id).ToResult();
            if (invite.AcceptedAt is not null)
                return ApiErrors.BadRequest($"Invite {invite_id} has already been accepted and cannot be deleted.", null, "invite_already_accepted").ToResult();
            store.Invites.Remove(invite_id);
            return Results.Json(new { @object = "organization.invite.deleted", id = invite_id, deleted = true }, EmulatorJson.Options);
        });
    }
}
