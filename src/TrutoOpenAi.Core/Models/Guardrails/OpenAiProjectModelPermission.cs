using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Guardrails
{
    /// <summary>
    /// The models a project may call (<c>project.model_permissions</c>): an allow list (only these) or a deny list
    /// (all but these). A deny list with no models, the state of a project without a policy, allows every model.
    /// </summary>
    public sealed class OpenAiProjectModelPermission : OpenAiObject
    {
        public const string AllowList = "allow_list";
        public const string DenyList = "deny_list";

        /// <summary><c>allow_list</c> or <c>deny_list</c>.</summary>
        public string? Mode { get; set; }

        /// <summary>The models the list names.</summary>
        public string[] ModelIds { get; set; } = Array.Empty<string>();

        /// <summary>The project (not in the API object; filled from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary>True when the project may call <paramref name="model"/> under this policy.</summary>
        public bool Permits(string model) =>
            Mode == AllowList ? ModelIds.Contains(model, StringComparer.Ordinal) : !ModelIds.Contains(model, StringComparer.Ordinal);

        /// <summary>Same mode and the same models, in any order.</summary>
        public bool IsSameAs(string mode, IEnumerable<string> modelIds) =>
            string.Equals(Mode, mode, StringComparison.Ordinal) &&
            new HashSet<string>(ModelIds, StringComparer.Ordinal).SetEquals(modelIds);

        /// <summary>"allow_list [gpt-4o-mini, o3]" or "deny_list [] (every model)".</summary>
        public static string Describe(string? mode, IEnumerable<string> modelIds)
        {
            var ids = modelIds.ToArray();
            var text = $"{mode} [{string.Join(", ", ids)}]";
            if (ids.Length == 0) text += mode == AllowList ? " (no model)" : " (every model)";
            return text;
        }

        public override string ToString() => Describe(Mode, ModelIds);
    }

    /// <summary>Body of update-project-model-permissions.</summary>
    public sealed class ModelPermissionUpdateRequest
    {
        public string Mode { get; set; } = OpenAiProjectModelPermission.AllowList;
        public string[] ModelIds { get; set; } = Array.Empty<string>();
    }
}
