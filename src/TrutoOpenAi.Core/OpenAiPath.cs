using System;
using System.Text;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// Builds request paths from a template such as <c>organization/projects/{project_id}</c>.
    /// Every value is validated (not empty, no slash) and escaped before it touches the URL.
    /// </summary>
    public static class OpenAiPath
    {
        public static string Format(string template, params (string Name, string? Value)[] values)
        {
            var builder = new StringBuilder(template);
            foreach (var (name, value) in values)
            {
                var token = "{" + name + "}";
                if (template.IndexOf(token, StringComparison.Ordinal) < 0)
                    throw new ArgumentException($"The template '{template}' has no '{token}'.", nameof(values));
                builder.Replace(token, Escape(name, value));
            }
            return builder.ToString();
        }

        /// <summary>Validates and escapes one path segment; <paramref name="name"/> names it in errors.</summary>
        public static string Escape(string name, string? value)
        {
            var parameter = ToParameterName(name);
            if (string.IsNullOrWhiteSpace(value))
                throw new OpenAiValidationException(parameter, $"-{parameter} is empty: an id is needed.", "OpenAiInvalidId");
            if (value!.IndexOf('/') >= 0 || value.IndexOf('\\') >= 0)
                throw new OpenAiValidationException(parameter,
                    $"-{parameter} '{value}' contains a slash; ids never do, and it would change the request's path.",
                    "OpenAiInvalidId");
            if (value == "." || value == "..")
                throw new OpenAiValidationException(parameter, $"-{parameter} '{value}' is not an id.", "OpenAiInvalidId");
            return Uri.EscapeDataString(value);
        }

        /// <summary><c>project_id</c> becomes <c>ProjectId</c>, the name users know from the cmdlets.</summary>
        public static string ToParameterName(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (c == '_') { upper = true; continue; }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return builder.ToString();
        }
    }
}
