using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// A multipart/form-data body described as fields and local files, built afresh for every attempt: each file is opened
    /// when the body is built and streamed from disk as it is sent, never read into memory.
    /// </summary>
    public sealed class MultipartBody
    {
        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>();
        private readonly List<(string Name, string Path, string FileName, string MediaType)> _files = new List<(string, string, string, string)>();

        /// <summary>Adds a text field; a null value is left out.</summary>
        public MultipartBody Field(string name, string? value)
        {
            if (value != null) _fields.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        /// <summary>Adds a field once per value (the API's <c>name[]</c> arrays).</summary>
        public MultipartBody Fields(string name, IEnumerable<string>? values)
        {
            foreach (var value in values ?? Enumerable.Empty<string>()) Field(name, value);
            return this;
        }

        /// <summary>Adds a local file, sent under its own name with <paramref name="mediaType"/>.</summary>
        public MultipartBody File(string name, string path, string mediaType)
        {
            _files.Add((name, path, System.IO.Path.GetFileName(path), mediaType));
            return this;
        }

        /// <summary>The field value given for <paramref name="name"/>, or null.</summary>
        public string? Get(string name) => _fields.LastOrDefault(f => f.Key == name).Value;

        /// <summary>For logs: the names of the fields and files, never their values.</summary>
        public string Summary => "multipart {" + string.Join(", ", _fields.Select(f => f.Key).Concat(_files.Select(f => f.Name)).Distinct()) + "}";

        /// <summary>A request carrying this body (rebuilt per attempt).</summary>
        public OpenAiRequest ToRequest(string path) =>
            new OpenAiRequest(HttpMethod.Post, path) { ContentFactory = Create, BodySummary = Summary };

        private HttpContent Create()
        {
            var form = new MultipartFormDataContent();
            foreach (var field in _fields) form.Add(new StringContent(field.Value), field.Key);
            foreach (var file in _files)
            {
                var content = new StreamContent(new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), 81920);
                content.Headers.ContentType = new MediaTypeHeaderValue(file.MediaType);
                form.Add(content, file.Name, file.FileName);
            }
            return form;
        }
    }
}
