using System.Security;
using System.Text.Json;
using RichardSzalay.MockHttp;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public class DirectoryMappingTests
{
    private static T Parse<T>(string json) where T : OpenAiObject
    {
        using var doc = JsonDocument.Parse(json);
        return OpenAiObject.From<T>(doc.RootElement);
    }

    [Fact]
    public void An_organization_user_becomes_an_active_unified_user_with_its_raw_object()
    {
        const string json = """{"object":"organization.user","id":"user-abc","name":"Ada King Lovelace","email":"ada@example.com","role":"owner","added_at":1711471533,"api_key_last_used_at":1711500000,"projects":{"object":"list","data":[{"id":"proj_1","name":"Payments","role":"member"}]}}""";
        var user = DirectoryMapping.ToUser(Parse<OpenAiUser>(json));
        Assert.Equal("user-abc", user.Id);
        Assert.Equal("user-abc", user.UserId);
        Assert.Null(user.ProjectId);
        Assert.Equal("active", user.Status);
        Assert.Equal("owner", user.Role);
        Assert.Equal(("Ada King", "Lovelace"), (user.FirstName, user.LastName));
        Assert.Equal("ada@example.com", Assert.Single(user.Emails).Email);
        Assert.True(user.Emails[0].IsPrimary);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711471533), user.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711500000), user.LastActiveAt);
        Assert.Equal("user", user.UserType);
        Assert.Equal(new[] { "owner", "member" }, user.Roles.Select(r => r.Name));
        Assert.Equal("proj_1", user.Roles[1].Project);
        Assert.Equal("Payments", Assert.Single(user.Projects).Name);
        Assert.Equal(json, user.RawJson);
    }

    [Fact]
    public void A_disabled_account_or_a_service_account_maps_to_inactive_and_service_account()
    {
        var user = DirectoryMapping.ToUser(Parse<OpenAiUser>("""{"id":"user-x","is_service_account":true,"user":{"object":"user","id":"user-x","enabled":false}}"""));
        Assert.Equal("inactive", user.Status);
        Assert.Equal("service-account", user.UserType);
        Assert.Empty(user.Emails);
    }

    [Fact]
    public void A_project_user_is_scoped_to_its_project_and_role()
    {
        var member = Parse<OpenAiProjectUser>("""{"object":"organization.project.user","id":"user-abc","name":"Ada","email":"ada@example.com","role":"owner","added_at":1711471533}""");
        member.ProjectId = "proj_1";
        var user = DirectoryMapping.ToUser(member, "Payments");
        Assert.Equal("proj_1", user.ProjectId);
        Assert.Equal("owner", user.Role);
        Assert.Equal("proj_1", Assert.Single(user.Projects).Id);
        Assert.Equal("Payments", user.Projects[0].Name);
        var role = Assert.Single(user.Roles);
        Assert.Equal(("owner", "proj_1", null), (role.Name, role.Project, role.Organization));
        Assert.Equal("organization.project.user", user.RemoteObject);
    }

    [Theory]
    [InlineData("pending", "invited")]
    [InlineData("expired", "inactive")]
    [InlineData("accepted", "active")]
    [InlineData("revoked", "revoked")]
    public void An_invite_maps_its_status(string inviteStatus, string userStatus)
    {
        var invite = Parse<OpenAiInvite>($$"""{"object":"organization.invite","id":"invite-1","email":"grace@example.com","role":"reader","status":"{{inviteStatus}}","created_at":1711471533,"projects":[{"id":"proj_1","role":"owner"}]}""");
        var user = DirectoryMapping.ToUser(invite);
        Assert.Equal(userStatus, user.Status);
        Assert.Equal("invite-1", user.Id);
        Assert.Equal("invite-1", user.InviteId);
        Assert.Null(user.UserId);
        Assert.Equal("grace@example.com", user.Email);
        Assert.Equal(new[] { "reader", "owner" }, user.Roles.Select(r => r.Name));
        Assert.Equal("proj_1", user.Roles[1].Project);
    }

    [Fact]
    public void Rbac_roles_map_to_predefined_or_custom_and_project_roles_apply_in_a_project()
    {
        var custom = Parse<OpenAiRbacRole>("""{"object":"role","id":"role_1","name":"Group Manager","description":"d","permissions":["api.groups.read"],"resource_type":"api.organization","predefined_role":false}""");
        var role = DirectoryMapping.ToRole(custom);
        Assert.Equal(("custom", "organization", "role_1"), (role.Type, role.ApplicableIn, role.RoleId));
        Assert.Equal(new[] { "api.groups.read" }, role.Permissions);

        var project = Parse<OpenAiRbacRole>("""{"object":"role","id":"role_2","name":"Member","permissions":[],"resource_type":"api.project","predefined_role":true}""");
        project.ProjectId = "proj_1";
        var mapped = DirectoryMapping.ToRole(project);
        Assert.Equal(("predefined", "project", "proj_1"), (mapped.Type, mapped.ApplicableIn, mapped.ProjectId));
    }

    [Fact]
    public void The_built_in_roles_are_organization_owner_and_reader_and_project_owner_and_member()
    {
        Assert.Equal(new[] { "organization:owner", "organization:reader", "project:owner", "project:member" },
            DirectoryMapping.BuiltInRoles.Select(r => $"{r.ApplicableIn}:{r.Id}"));
        Assert.All(DirectoryMapping.BuiltInRoles, r => Assert.Equal("builtin", r.Type));
    }

    [Fact]
    public void A_role_assignment_names_its_principal_role_and_project()
    {
        var role = Parse<OpenAiRbacRole>("""{"id":"role_1","name":"Viewer","permissions":[],"resource_type":"api.project","predefined_role":true,"created_at":1711471533}""");
        var a = DirectoryMapping.ToAssignment(role, "user-1", null, "proj_1");
        Assert.Equal("proj_1:user-1:role_1", a.Id);
        Assert.Equal(("user-1", (string?)null, "role_1", "Viewer"), (a.UserId, a.GroupId, a.RoleId, a.RoleName));
        Assert.Equal("proj_1", Assert.Single(a.Projects));
        var g = DirectoryMapping.ToAssignment(role, null, "group_1", null);
        Assert.Equal(("group_1:role_1", "group"), (g.Id, g.GroupType));
    }
}

public class DirectoryPagingTests
{
    private static OpenAiClient Client(MockHttpMessageHandler mock)
    {
        var key = new SecureString();
        foreach (var c in "sk-admin-test") key.AppendChar(c);
        key.MakeReadOnly();
        return new OpenAiClient(new OpenAiConnectionSettings { BaseUri = new Uri("https://api.test/v1/"), AdminKey = key, MaxRetries = 0 }, mock);
    }

    [Fact]
    public async Task The_next_cursor_style_sends_the_previous_next_as_after_until_has_more_is_false()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://api.test/v1/organization/roles").WithExactQueryString("limit=2")
            .Respond("application/json", """{"object":"list","data":[{"id":"role_a","name":"A"},{"id":"role_b","name":"B"}],"has_more":true,"next":"cursor_xyz"}""");
        mock.Expect("https://api.test/v1/organization/roles").WithExactQueryString("limit=2&after=cursor_xyz")
            .Respond("application/json", """{"object":"list","data":[{"id":"role_c","name":"C"}],"has_more":false,"next":null}""");
        var pager = new DirectoryService(Client(mock)).ListRoles(null, 2);
        Assert.Equal(PagingStyle.NextCursor, pager.Style);
        var names = new List<string?>();
        while (await pager.NextPageAsync(null, CancellationToken.None) is { } page) names.AddRange(page.Select(r => r.Name));
        Assert.Equal(new[] { "A", "B", "C" }, names);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task The_next_cursor_style_stops_when_has_more_comes_without_a_next_cursor()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://api.test/v1/organization/groups")
            .Respond("application/json", """{"object":"list","data":[{"id":"group_a","name":"A"}],"has_more":true,"next":null}""");
        var pager = new DirectoryService(Client(mock)).ListGroups(null);
        Assert.Single((await pager.NextPageAsync(null, CancellationToken.None))!);
        Assert.Null(await pager.NextPageAsync(null, CancellationToken.None));
        Assert.Equal(1, pager.PagesFetched);
    }

    [Fact]
    public async Task Project_users_carry_the_project_they_were_listed_from()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://api.test/v1/organization/projects/proj_1/users")
            .Respond("application/json", """{"object":"list","data":[{"object":"organization.project.user","id":"user-1","role":"owner","added_at":1}],"first_id":"user-1","last_id":"user-1","has_more":false}""");
        var page = await new DirectoryService(Client(mock)).ListProjectUsers("proj_1", null).NextPageAsync(null, CancellationToken.None);
        Assert.Equal("proj_1", Assert.Single(page!).ProjectId);
    }
}
