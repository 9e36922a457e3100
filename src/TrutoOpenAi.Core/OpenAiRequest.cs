using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Json;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// One API call as data: method, escaped path, query and a body that can be rebuilt for every retry.
    /// Paths are relative to the connection's base URI (<c>organization/projects</c>, no leading slash).
    /// </summary>
    public sealed class OpenAiRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public OpenAiRequest(HttpMethod method, string path)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            if (string.IsNullOrWhiteSpace(path)) throw new OpenAiValidationException("Path", "The request path is empty.");
            Path = path.TrimStart('/');
        }

        public HttpMethod Method { get; }
        public string Path { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        /// <summary>Creates a fresh body for each attempt (a sent HttpContent cannot be sent again).</summary>
        public Func<HttpContent>? ContentFactory { get; set; }

        /// <summary>For logs: the JSON body's field names, never its values.</summary>
        public string? BodySummary { get; set; }

        /// <summary>Read the response as a stream (downloads) rather than buffering it.</summary>
        public bool StreamResponse { get; set; }

        /// <summary>
        /// The operation of the table this request performs (looked up by method and path template), which decides its
        /// key and its extra headers; null when no operation matches (the API key, no extra headers). Read by the
        /// authentication handler on every attempt and by the retry decisions, so it is looked up once and kept; only a
        /// <c>beta=true</c> query (which picks the beta variant of an operation) can change the answer, so the kept
        /// answer is keyed by it.
        /// </summary>
        public OpenAiOperationDefinition? Operation
        {
            get
            {
                var beta = _query.Exists(pair => pair.Key == "beta" && pair.Value == "true");
                var found = _operation;   // one reference read: the pair never tears between threads
                if (found is null || found.Item1 != beta)
                {
                    found = Tuple.Create(beta, OperationTable.Find(Method, Path, _query));
                    _operation = found;
                }
                return found.Item2;
            }
        }

        private Tuple<bool, OpenAiOperationDefinition?>? _operation;

        /// <summary>
        /// Whether sending the request twice does no more than sending it once. Null: the operation table says
        /// (<see cref="OpenAiOperationDefinition.SafeToRepeat"/>: updates and cancels are, creates are not); for a path the
        /// table lacks, GET, HEAD, PUT, DELETE and OPTIONS are, POST and PATCH are not. A request that is not idempotent is
        /// retried only when it certainly did not reach the server's logic; otherwise it fails with
        /// <see cref="OpenAiOutcomeUnknownException"/>.
        /// </summary>
        public bool? Idempotent { get; set; }

        public bool IsIdempotent => Idempotent ?? Operation?.SafeToRepeat ?? !(Method == HttpMethod.Post || Method.Method == "PATCH");

        public OpenAiRequest WithQuery(string name, string? value)
        {
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public OpenAiRequest WithQuery(string name, int? value) =>
            WithQuery(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public OpenAiRequest WithQuery(string name, long? value) =>
            WithQuery(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public OpenAiRequest WithQuery(string name, bool? value) =>
            WithQuery(name, value is null ? null : value.Value ? "true" : "false");

        public OpenAiRequest WithQuery(string name, IEnumerable<string>? values)
        {
            if (values is null) return this;
            foreach (var value in values) WithQuery(name, value);
            return this;
        }

        /// <summary>Replaces every value of a query parameter (used by pagers for the cursor).</summary>
        public OpenAiRequest SetQuery(string name, string? value)
        {
            _query.RemoveAll(pair => pair.Key == name);
            return WithQuery(name, value);
        }

        public string? GetQuery(string name) => _query.LastOrDefault(pair => pair.Key == name).Value;

        public OpenAiRequest WithJsonBody(object body)
        {
            var bytes = Encoding.UTF8.GetBytes(body is string text ? text : OpenAiJson.Serialize(body));
            return WithJsonBytes(bytes, SummarizeJson(bytes));
        }

        public OpenAiRequest WithJsonBytes(byte[] bytes, string? summary = null)
        {
            ContentFactory = () =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return content;
            };
            BodySummary = summary ?? SummarizeJson(bytes);
            return this;
        }

        /// <summary>The path and query as sent, relative to the base URI.</summary>
        public string PathAndQuery
        {
            get
            {
                if (_query.Count == 0) return Path;
                var builder = new StringBuilder(Path).Append('?');
                for (var i = 0; i < _query.Count; i++)
                {
                    if (i > 0) builder.Append('&');
                    builder.Append(EscapeQueryName(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
                }
                return builder.ToString();
            }
        }

        public override string ToString() => $"{Method} /{PathAndQuery}";

        // Bracketed names such as project_ids[] and effective_at[gte] are sent with their brackets readable.
        private static string EscapeQueryName(string name) =>
            Uri.EscapeDataString(name).Replace("%5B", "[").Replace("%5D", "]");

        private static string? SummarizeJson(byte[] bytes)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(bytes);
                if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return document.RootElement.ValueKind.ToString();
                return "{" + string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name)) + "}";
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
