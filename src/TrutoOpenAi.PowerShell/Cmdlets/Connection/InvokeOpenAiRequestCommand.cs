using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.PowerShell.Cmdlets.Connection
{
    /// <summary>Calls any OpenAI API endpoint with the connection's keys, retries and tracing.</summary>
    /// <remarks>
    /// <para>The passthrough for endpoints the module has no cmdlet for yet. The path is relative to the connection's base
    /// URI (e.g. 'organization/projects' or '/models'). It is looked up in the operation table (Get-OpenAiOperation shows
    /// its facts): the operation decides the key (admin or API) and the headers sent (e.g. OpenAI-Beta: assistants=v2);
    /// a path that matches no operation is sent with the API key, and the verbose stream says so. -Body (a hashtable, an object or a JSON string, also from the pipeline) is sent as JSON.
    /// -Query adds query parameters (array values repeat the key).</para>
    /// <para>By default the answer is converted to objects as ConvertFrom-Json would; with -All a list answer is followed
    /// page after page (the paging style is the operation's, or -PagingStyle) and its items are streamed; -Raw writes the
    /// response text unchanged. Methods other than GET ask for confirmation according to -Confirm/-WhatIf.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-OpenAiRequest -Path 'organization/projects' -Query @{ limit = 5 }</code>
    /// <para>Gets the first page of projects as the API returns it (object, data, first_id, last_id, has_more).</para>
    /// </example>
    /// <example>
    /// <code>Invoke-OpenAiRequest -Path 'organization/projects' -All | Measure-Object</code>
    /// <para>Follows has_more/after through every page and counts the projects.</para>
    /// </example>
    /// <example>
    /// <code>@{ name = 'tenant-new' } | Invoke-OpenAiRequest -Method Post -Path 'organization/projects'</code>
    /// <para>Creates a project with a body piped in.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "OpenAiRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeOpenAiRequestCommand : OpenAiCmdlet
    {
        /// <summary>The HTTP method (default GET).</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "DELETE", "PUT", "PATCH", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The path relative to the base URI, e.g. 'organization/projects' or '/models'. May include a query string.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The JSON body: a hashtable, an object, or a JSON string. Taken from the pipeline too.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        /// <summary>Query parameters; an array value repeats the key (e.g. @{ 'project_ids[]' = 'a','b' }).</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>Follows a list answer through every page and writes its items one by one.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>How -All finds the next page: CursorAfter (after/last_id), HasMoreOnly (after/last item id), NextCursor (after/next) or PageToken (page/next_page). Default: the operation's paging, else CursorAfter.</summary>
        [Parameter]
        public PagingStyle PagingStyle { get; set; } = PagingStyle.CursorAfter;

        /// <summary>Writes the response body as text, unconverted.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void ProcessRecord()
        {
            Try(Path, () =>
            {
                var request = BuildRequest();
                if (request.Method != HttpMethod.Get && !ShouldProcess($"/{request.PathAndQuery}", request.Method.Method)) return;
                if (All) { Follow(request); return; }
                if (Raw)
                {
                    var text = Await(async observer =>
                    {
                        using var response = await Client.SendAsync(request, observer, CancellationToken).ConfigureAwait(false);
                        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    });
                    WriteObject(text);
                    return;
                }
                using var document = Await(observer => Client.SendJsonAsync(request, observer, CancellationToken));
                WriteObject(JsonToPowerShell.Convert(document.RootElement), enumerateCollection: false);
            });
        }

        private void Follow(OpenAiRequest request)
        {
            var style = MyInvocation.BoundParameters.ContainsKey(nameof(PagingStyle)) || request.Operation is not { Paging: not PagingStyle.None } operation
                ? PagingStyle : operation.Paging;
            var pager = new ListPager<object?>(Client, request, style,
                element => Raw ? element.GetRawText() : JsonToPowerShell.Convert(element));
            while (true)
            {
                var page = Await(observer => pager.NextPageAsync(observer, CancellationToken));
                if (page is null) break;
                foreach (var item in page) WriteObject(item);
            }
        }

        private OpenAiRequest BuildRequest()
        {
            var path = Path;
            string? queryString = null;
            var mark = path.IndexOf('?');
            if (mark >= 0)
            {
                queryString = path.Substring(mark + 1);
                path = path.Substring(0, mark);
            }
            if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
                throw new OpenAiValidationException("Path",
                    "-Path is relative to the connection's base URI (e.g. 'organization/projects'); a full URL would send the keys elsewhere.");
            if (path.Contains(".."))
                throw new OpenAiValidationException("Path", "-Path may not contain '..'.");

            var request = new OpenAiRequest(new HttpMethod(Method.ToUpperInvariant()), path);
            if (queryString != null)
            {
                foreach (var pair in queryString.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=');
                    var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                    var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                    request.WithQuery(name, value);
                }
            }
            if (Query != null)
            {
                foreach (DictionaryEntry entry in Query)
                {
                    var name = entry.Key?.ToString() ?? string.Empty;
                    var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    if (value is string || !(value is IEnumerable sequence))
                    {
                        request.WithQuery(name, QueryText(value));
                        continue;
                    }
                    foreach (var item in sequence) request.WithQuery(name, QueryText(item));
                }
            }
            var matched = request.Operation;
            WriteVerbose(matched is null
                ? $"No operation of the table matches {request.Method} /{request.Path}: sending it with the API key."
                : $"{request.Method} /{request.Path} is {matched.Tool} ({matched.Method} {matched.Path}): {matched.KeyKind} key" +
                  (matched.Headers.Count > 0 ? ", headers " + string.Join(", ", matched.Headers.Select(h => $"{h.Key}: {h.Value}")) : string.Empty) + ".");
            if (Body != null)
            {
                var raw = Body is PSObject p ? p.BaseObject : Body;
                var json = raw is string text ? text : PowerShellToJson.Serialize(Body);
                if (raw is string)
                {
                    try { using (JsonDocument.Parse(json)) { } }
                    catch (JsonException ex) { throw new OpenAiValidationException("Body", $"-Body is a string but not JSON: {ex.Message}"); }
                }
                request.WithJsonBytes(System.Text.Encoding.UTF8.GetBytes(json));
            }
            return request;
        }

        private static string? QueryText(object? value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            return value switch
            {
                null => null,
                bool flag => flag ? "true" : "false",
                DateTime date => new DateTimeOffset(date).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset offset => offset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
    }
}
