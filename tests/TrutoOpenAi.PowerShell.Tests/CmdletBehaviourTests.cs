using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using TrutoOpenAi.Core.Models;
using Xunit;

namespace TrutoOpenAi.PowerShell.Tests;

public sealed class CmdletBehaviourTests
{
    private static string ProjectsPage(int from, int count, bool hasMore)
    {
        var items = Enumerable.Range(from, count).Select(i =>
            $"{{\"id\":\"proj_{i:D4}\",\"object\":\"organization.project\",\"name\":\"tenant-{i:D4}\",\"created_at\":{1700000000 + i},\"archived_at\":null,\"status\":\"active\"}}");
        return $"{{\"object\":\"list\",\"data\":[{string.Join(",", items)}],\"first_id\":\"proj_{from:D4}\",\"last_id\":\"proj_{from + count - 1:D4}\",\"has_more\":{(hasMore ? "true" : "false")}}}";
    }

    /// <summary>Serves 5 pages of 10 projects, counting requests.</summary>
    private static (MockHttpMessageHandler Mock, Func<int> Requests) FivePages()
    {
        var mock = new MockHttpMessageHandler();
        var count = 0;
        mock.When(HttpMethod.Get, "https://api.test/v1/organization/projects").Respond(request =>
        {
            Interlocked.Increment(ref count);
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var after = query["after"];
            var from = after is null ? 1 : int.Parse(after.Substring(5)) + 1;
            var body = ProjectsPage(from, 10, from + 10 <= 50);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        return (mock, () => Volatile.Read(ref count));
    }

    [Fact]
    public void Get_OpenAiProject_streams_every_page_in_order()
    {
        var (mock, requests) = FivePages();
        using var host = new PowerShellHost(mock);
        var output = host.Run("Get-OpenAiProject -Connection $conn").Output;
        Assert.Equal(50, output.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"proj_{i:D4}"), output.Select(o => ((OpenAiProject)o.BaseObject).Id));
        Assert.Equal(5, requests());
    }

    [Fact]
    public void First_and_Skip_select_the_right_items_and_fetch_only_needed_pages()
    {
        var (mock, requests) = FivePages();
        using var host = new PowerShellHost(mock);
        var output = host.Run("Get-OpenAiProject -Connection $conn -PageSize 10 -Skip 15 -First 10").Output;
        Assert.Equal(Enumerable.Range(16, 10).Select(i => $"proj_{i:D4}"), output.Select(o => ((OpenAiProject)o.BaseObject).Id));
        Assert.Equal(3, requests());
    }

    [Fact]
    public void IncludeTotalCount_reports_an_exact_count_when_the_list_was_exhausted()
    {
        var (mock, _) = FivePages();
        using var host = new PowerShellHost(mock);
        var output = host.Run("Get-OpenAiProject -Connection $conn -IncludeTotalCount | ForEach-Object { \"$_\" }").Output;
        Assert.Equal(51, output.Count);
        // The total-count object renders as "Total count: 50" in pwsh; this engine-only host shows its value.
        Assert.EndsWith("50", output[^1].ToString());
    }

    [Fact]
    public void A_404_for_one_piped_id_writes_a_non_terminating_OpenAiNotFound_and_the_pipeline_goes_on()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.test/v1/organization/projects/proj_missing").Respond(request =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("{\"error\":{\"message\":\"No such project: proj_missing\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}", Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("x-request-id", "req_abc123");
            return response;
        });
        mock.When("https://api.test/v1/organization/projects/proj_0001").Respond("application/json", ProjectsPage(1, 1, false).Split("[")[1].Split("]")[0]);
        using var host = new PowerShellHost(mock);
        var run = host.Run("'proj_missing', 'proj_0001' | ForEach-Object { [pscustomobject]@{ ProjectId = $_ } } | Get-OpenAiProject -Connection $conn");
        Assert.Equal("proj_0001", ((OpenAiProject)Assert.Single(run.Output).BaseObject).Id);
        var error = Assert.Single(run.Errors);
        Assert.Equal("OpenAiNotFound,TrutoOpenAi.PowerShell.Cmdlets.Projects.GetOpenAiProjectCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("req_abc123", error.ErrorDetails.Message);
        Assert.Equal("proj_missing", error.TargetObject);
    }

    [Fact]
    public void A_401_stops_the_cmdlet_with_OpenAiAuthenticationFailed_and_never_shows_the_key()
    {
        var mock = new MockHttpMessageHandler();
        var unauthorized = mock.When("https://api.test/v1/organization/projects*").Respond(HttpStatusCode.Unauthorized, "application/json",
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-admin-secretsecretsecret.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        using var host = new PowerShellHost(mock);
        var run = host.Run("'proj_1', 'proj_2', 'proj_3' | ForEach-Object { [pscustomobject]@{ ProjectId = $_ } } | Get-OpenAiProject -Connection $conn");
        var record = Assert.Single(run.Errors);
        // Terminating: the other piped ids are not tried with a key the API just refused.
        Assert.Equal(1, mock.GetMatchCount(unauthorized));
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.StartsWith("OpenAiAuthenticationFailed", record.FullyQualifiedErrorId);
        Assert.DoesNotContain("secretsecret", record.ToString());
        Assert.DoesNotContain("secretsecret", record.Exception.Message);
    }

    [Fact]
    public void Verbose_traces_each_request_and_retry_without_any_key()
    {
        var mock = new MockHttpMessageHandler();
        var calls = 0;
        mock.When("https://api.test/v1/organization/projects*").Respond(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var busy = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{\"error\":{\"message\":\"slow down\",\"type\":\"requests\"}}") };
                busy.Headers.Add("retry-after-ms", "1");
                return busy;
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ProjectsPage(1, 2, false), Encoding.UTF8, "application/json") };
        });
        using var host = new PowerShellHost(mock, maxRetries: 2);
        var run = host.Run("Get-OpenAiProject -Connection $conn -Verbose -Debug");
        Assert.Equal(2, run.Output.Count);
        var verbose = string.Join("\n", run.Verbose);
        Assert.Contains("HTTP 429: retry 1 of 2", verbose);
        Assert.Contains("(attempt 2)", verbose);
        Assert.DoesNotContain("sk-", verbose + string.Join("\n", run.Debug));
    }

    [Fact]
    public void Stopping_the_pipeline_cancels_the_request_in_flight()
    {
        var mock = new MockHttpMessageHandler();
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        mock.When("https://api.test/v1/organization/projects*").Respond(async () =>
        {
            started.TrySetResult(true);
            // MockHttp passes no token to this overload: wait for the test to observe cancellation instead.
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var handler = new CancellationObservingHandler(mock, cancelled);
        using var host = new PowerShellHost(handler);
        using var shell = host.Create("Get-OpenAiProject -Connection $conn");
        var watch = Stopwatch.StartNew();
        var invocation = shell.BeginInvoke();
        Assert.True(started.Task.Wait(TimeSpan.FromSeconds(20)), "the request should have started");
        shell.Stop();
        Assert.True(cancelled.Task.Wait(TimeSpan.FromSeconds(20)), "the in-flight request should see its token cancelled");
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));
    }

    [Fact]
    public void WhatIf_on_Disable_OpenAiProject_reads_the_target_but_never_archives()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "https://api.test/v1/organization/projects/proj_0001").Respond("application/json",
            "{\"id\":\"proj_0001\",\"object\":\"organization.project\",\"name\":\"Payments\",\"created_at\":1700000000,\"status\":\"active\"}");
        var archive = mock.When(HttpMethod.Post, "https://api.test/v1/organization/projects/proj_0001/archive").Respond("application/json", "{}");
        using var host = new PowerShellHost(mock);
        var run = host.Run("Disable-OpenAiProject -Connection $conn -Id proj_0001 -WhatIf");
        Assert.Equal(0, mock.GetMatchCount(archive));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void Connect_OpenAi_refuses_plain_http_to_a_remote_host_before_anything_is_stored()
    {
        var mock = new MockHttpMessageHandler();
        using var host = new PowerShellHost(mock);
        host.SetVariable("adminKey", TrutoOpenAi.Core.SecretText.ToSecure("sk-admin-x"));
        var run = host.Run("Connect-OpenAi -Name insecure -BaseUri 'http://10.1.2.3/v1' -AdminKey $adminKey");
        Assert.StartsWith("OpenAiInsecureBaseUri", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Null(TrutoOpenAi.Core.OpenAiConnectionRegistry.Find("insecure"));
    }

    /// <summary>Passes requests on and records when the caller's token is cancelled.</summary>
    private sealed class CancellationObservingHandler : DelegatingHandler
    {
        private readonly TaskCompletionSource<bool> _cancelled;

        public CancellationObservingHandler(HttpMessageHandler inner, TaskCompletionSource<bool> cancelled) : base(inner) => _cancelled = cancelled;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.Register(() => _cancelled.TrySetResult(true));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
