using System.Net;
using System.Net.Sockets;
using System.Text;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Json;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

/// <summary>
/// The client's real transport (not the MockHttp harness, which never redirects) against two loopback servers: a redirect
/// to another origin must not be followed, or the organization and project headers would travel to it.
/// </summary>
public sealed class RedirectTests
{
    /// <summary>A one-request-per-connection HTTP server on a loopback port that answers every request with one reply.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _reply;
        private readonly List<string> _requests = new();
        private readonly CancellationTokenSource _stop = new();

        public LoopbackServer(Func<int, string> reply)
        {
            _listener.Start();
            _reply = reply(Port);
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public IReadOnlyList<string> Requests
        {
            get { lock (_requests) return _requests.ToList(); }
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                using (client)
                {
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n"))
                    {
                        var read = await stream.ReadAsync(buffer);
                        if (read == 0) break;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    lock (_requests) _requests.Add(head.ToString());
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(_reply));
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_origin_is_not_followed_and_nothing_reaches_it(int status)
    {
        using var other = new LoopbackServer(_ => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 27\r\nConnection: close\r\n\r\n{\"object\":\"list\",\"data\":[]}");
        using var api = new LoopbackServer(_ =>
            $"HTTP/1.1 {status} Moved\r\nLocation: http://localhost:{other.Port}/v1/models\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var settings = new OpenAiConnectionSettings
        {
            BaseUri = new Uri($"http://127.0.0.1:{api.Port}/v1/"),
            ApiKey = SecretText.ToSecure(ApiHarness.ApiKey),
            Organization = "org-redirect",
            Project = "proj_redirect",
            MaxRetries = 0,
        };
        using var client = new OpenAiClient(settings);

        var error = await Assert.ThrowsAnyAsync<OpenAiException>(() => client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, "models"), null, CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.Contains("OpenAI-Organization: org-redirect", api.Requests[0], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(other.Requests);
        Assert.DoesNotContain(ApiHarness.ApiKey, error.ToString(), StringComparison.Ordinal);
    }
}
