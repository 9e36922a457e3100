using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Paging;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

/// <summary>The embedded operation table (Catalog/operations.tsv) and the lookup of a request's operation.</summary>
public sealed class OperationTableTests
{
    [Theory]
    [InlineData("GET", "organization/projects/proj_1", "get_single_openai_project_by_id")]
    [InlineData("GET", "/organization/projects/proj_1", "get_single_openai_project_by_id")]
    [InlineData("POST", "organization/certificates/activate", "openai_organization_certificates_activate")]
    [InlineData("POST", "organization/certificates/cert_1", "update_a_openai_certificate_by_id")]
    [InlineData("POST", "threads/thread_1/runs/run_1/cancel", "openai_runs_cancel")]
    [InlineData("POST", "threads/runs", "create_a_openai_thread_run")]
    [InlineData("GET", "organization/usage/completions", "list_all_openai_completions")]
    [InlineData("GET", "fine_tuning/checkpoints/ft%3Agpt-4o%3Aorg%3Ax/permissions", "list_all_openai_checkpoint_permissions")]
    [InlineData("GET", "responses/resp_1", "get_single_openai_response_by_id")]
    [InlineData("GET", "responses/resp_1?beta=true", "get_single_openai_response_by_id_beta")]
    public void Finds_the_operation_of_a_request_by_method_and_path_template(string method, string path, string tool)
    {
        Assert.Equal(tool, OperationTable.Find(new HttpMethod(method), path)?.Tool);
    }

    [Fact]
    public void A_request_keeps_its_operation_and_follows_a_beta_query_that_changes_it()
    {
        var request = new OpenAiRequest(HttpMethod.Get, "responses/resp_1").WithQuery("include", "usage");
        var first = request.Operation;
        Assert.Equal("get_single_openai_response_by_id", first?.Tool);
        Assert.Same(first, request.Operation);
        Assert.Same(first, request.WithQuery("after", "item_1").Operation);   // other query parameters do not matter

        request.WithQuery("beta", "true");
        Assert.Equal("get_single_openai_response_by_id_beta", request.Operation?.Tool);

        request.SetQuery("beta", null);
        Assert.Same(first, request.Operation);
    }

    [Theory]
    [InlineData("GET", "organization")]
    [InlineData("GET", "organizations")]
    [InlineData("PATCH", "organization/projects/proj_1")]
    [InlineData("GET", "organization/projects/proj_1/nothing")]
    [InlineData("GET", "organization/projects//users")]
    public void Finds_no_operation_for_a_path_the_spec_does_not_have(string method, string path)
    {
        Assert.Null(OperationTable.Find(new HttpMethod(method), path));
    }

    [Fact]
    public void Holds_the_157_seed_tools_and_every_extra_operation_each_named_once()
    {
        var all = OperationTable.All;
        Assert.Equal(157, all.Count(o => o.IsSeedTool));
        Assert.True(all.Count(o => !o.IsSeedTool) >= 132, $"only {all.Count(o => !o.IsSeedTool)} extra operations");
        Assert.Equal(all.Count, all.Select(o => o.Tool).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Count, all.Select(o => o.Method + " " + o.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, o => Assert.Matches("^(list_all_|get_single_|create_a_|update_a_|delete_a_)?openai_[a-z0-9_]+$", o.Tool));
    }

    [Fact]
    public void Knows_the_key_kind_headers_and_paging_of_operations()
    {
        var permissions = OperationTable.ByTemplate("DELETE", "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}")!;
        Assert.Equal(OpenAiKeyKind.Admin, permissions.KeyKind);
        Assert.Equal(OpenAiOperationAccess.Destructive, permissions.Access);

        var steps = OperationTable.ByTool("list_all_openai_run_steps")!;
        Assert.Equal(OpenAiKeyKind.Api, steps.KeyKind);
        Assert.Equal(new KeyValuePair<string, string>("OpenAI-Beta", "assistants=v2"), Assert.Single(steps.Headers));
        Assert.Equal(PagingStyle.CursorAfter, steps.Paging);

        Assert.Equal(PagingStyle.HasMoreOnly, OperationTable.ByTool("list_all_openai_fine_tuning_jobs")!.Paging);
        Assert.Equal(PagingStyle.NextCursor, OperationTable.ByTemplate("GET", "/organization/groups")!.Paging);
        Assert.Equal("multipart", OperationTable.ByTool("create_a_openai_file")!.Body);
        Assert.Equal("sse-or-json", OperationTable.ByTool("create_a_openai_response")!.Response);
        Assert.Equal("binary", OperationTable.ByTool("list_all_openai_container_file_content")!.Response);
        Assert.Equal(OpenAiOperationAccess.Read, OperationTable.ByTool("list_all_openai_vector_store_search")!.Access);
    }

    [Fact]
    public void Reads_page_size_ranges_including_the_usage_reports_per_bucket_width()
    {
        Assert.Equal((1, 100), OperationTable.ByTool("list_all_openai_projects")!.PageSizeRange());
        Assert.Equal((1, 10000), OperationTable.ByTool("list_all_openai_files")!.PageSizeRange());
        var completions = OperationTable.ByTool("list_all_openai_completions")!;
        Assert.Equal((1, 31), completions.PageSizeRange());
        Assert.Equal((1, 168), completions.PageSizeRange("1h"));
        Assert.Equal((1, 1440), completions.PageSizeRange("1m"));
        Assert.Equal((1, 180), OperationTable.ByTool("list_all_openai_costs")!.PageSizeRange());
        Assert.Null(OperationTable.ByTool("get_single_openai_project_by_id")!.PageSizeRange());
        // Every range the table holds parses.
        foreach (var operation in OperationTable.All.Where(o => o.PageSize.Length > 0))
            Assert.NotNull(operation.PageSizeRange());
    }
}
