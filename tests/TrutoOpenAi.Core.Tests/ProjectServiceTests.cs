using System.Net;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class ProjectServiceTests
{
    private const string Project = """{"id":"proj_1","object":"organization.project","name":"Payments","created_at":1711471533,"archived_at":null,"status":"active"}""";

    private static void AssertJson(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"Expected {expected}, got {actual}");

    [Fact]
    public async Task List_sends_GET_organization_projects_with_limit_and_include_archived()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.OK, """{"object":"list","data":[""" + Project + """],"has_more":false,"last_id":"proj_1"}""");

        var page = await new ProjectService(api.Client).List(limit: 50, includeArchived: true).NextPageAsync(null, CancellationToken.None);

        var project = Assert.Single(page!);
        Assert.Equal("Payments", project.Name);
        var sent = Assert.Single(api.Sent);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?limit=50&include_archived=true", sent.Uri.Query);
        Assert.Equal("Bearer " + ApiHarness.AdminKey, sent.Header("Authorization"));
        Assert.Null(sent.Body);
    }

    [Fact]
    public async Task List_leaves_out_include_archived_and_limit_when_not_asked()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.OK, """{"object":"list","data":[],"has_more":false}""");

        var page = await new ProjectService(api.Client).List(limit: null, includeArchived: false).NextPageAsync(null, CancellationToken.None);

        Assert.Empty(page!);
        Assert.Equal("", Assert.Single(api.Sent).Uri.Query);
    }

    [Fact]
    public async Task Get_sends_GET_to_the_project_path_and_reads_the_project()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects/proj_1", HttpStatusCode.OK, Project);

        var project = await new ProjectService(api.Client).GetAsync("proj_1", null, CancellationToken.None);

        Assert.Equal("proj_1", project.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711471533), project.CreatedAt);
        Assert.Equal(Project, project.RawJson);
        Assert.Null(Assert.Single(api.Sent).Body);
    }

    [Fact]
    public async Task Create_posts_the_name_in_snake_case_json_and_omits_null_fields()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, Project);

        var project = await new ProjectService(api.Client).CreateAsync(new ProjectCreateRequest { Name = "Payments" }, null, CancellationToken.None);

        Assert.Equal("proj_1", project.Id);
        var sent = Assert.Single(api.Sent);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/json", sent.ContentType);
        AssertJson("""{"name":"Payments"}""", sent.Body);
    }

    [Fact]
    public async Task Create_sends_residency_and_external_key_id_when_given()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, Project);

        await new ProjectService(api.Client).CreateAsync(
            new ProjectCreateRequest { Name = "EU", Residency = "EU_STORAGE_PROCESSING", ExternalKeyId = "key_1" }, null, CancellationToken.None);

        AssertJson("""{"name":"EU","residency":"EU_STORAGE_PROCESSING","external_key_id":"key_1"}""", Assert.Single(api.Sent).Body);
    }

    [Fact]
    public async Task Update_posts_only_the_changed_fields_to_the_project_path()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects/proj_1", HttpStatusCode.OK, Project);

        await new ProjectService(api.Client).UpdateAsync("proj_1", new ProjectUpdateRequest { ExternalKeyId = "key_2" }, null, CancellationToken.None);

        var sent = Assert.Single(api.Sent);
        Assert.Equal(HttpMethod.Post, sent.Method);
        AssertJson("""{"external_key_id":"key_2"}""", sent.Body);
    }

    [Fact]
    public async Task Archive_posts_to_the_archive_path_without_a_body()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects/proj_1/archive", HttpStatusCode.OK,
            """{"id":"proj_1","object":"organization.project","name":"Payments","created_at":1711471533,"archived_at":1711500000,"status":"archived"}""");

        var project = await new ProjectService(api.Client).ArchiveAsync("proj_1", null, CancellationToken.None);

        Assert.Equal("archived", project.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711500000), project.ArchivedAt);
        var sent = Assert.Single(api.Sent);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.True(string.IsNullOrEmpty(sent.Body));
        Assert.Equal("Bearer " + ApiHarness.AdminKey, sent.Header("Authorization"));
    }

    [Fact]
    public async Task Get_of_an_unknown_project_throws_OpenAiNotFound_with_the_request_id()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects/proj_missing", HttpStatusCode.NotFound,
            """{"error":{"message":"No such project","type":"invalid_request_error","code":null,"param":null}}""", ("x-request-id", "req_404"));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => new ProjectService(api.Client).GetAsync("proj_missing", null, CancellationToken.None));

        Assert.Equal("OpenAiNotFound", error.ErrorId);
        Assert.Equal("req_404", error.RequestId);
        Assert.Null(error.Code);
        Assert.Equal("/organization/projects/proj_missing", error.Path);
        Assert.Single(api.Sent);
    }
}
