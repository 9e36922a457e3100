using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Builds a tool for Invoke-OpenAiResponse -Tool (and, for function tools, Invoke-OpenAiChatCompletion -Tool).</summary>
    /// <remarks>
    /// <para>Writes an OpenAiTool: its Definition is the tool as the Responses API takes it, so tools are built once, kept
    /// in variables and reused. One parameter set per kind of tool:</para>
    /// <para>-Command: a PowerShell command (a name or a CommandInfo, also piped from Get-Command) as a function tool. Its
    /// parameters schema comes from the command's parameter metadata (mandatory parameters required, a parameter's
    /// HelpMessage its description), as -Function of the model cmdlets does. With -InvokeFunction Auto or Confirm, the model
    /// cmdlets run the command when the model calls it. -Name renames the tool, -Description describes it, -Strict asks for
    /// strict mode (every property required, optional ones nullable; a null argument leaves the parameter's default).</para>
    /// <para>-Name with -Parameters (a JSON Schema of type object, as a hashtable or JSON text): a function tool your own
    /// code answers (the response carries its FunctionCalls).</para>
    /// <para>-FileSearch (vector stores), -WebSearch, -CodeInterpreter, -ImageGeneration, -Mcp (a remote MCP server),
    /// -Shell and -ApplyPatch: the built-in tools of the Responses API. Chat completions take only function tools.</para>
    /// <para>-Definition: any tool as a hashtable or JSON text, checked against the spec's shapes.</para>
    /// <para>Bad input is an ErrorRecord and no tool: an unknown tool type or a tool without the fields its type needs
    /// (OpenAiInvalidTool), a parameters schema that is not a valid JSON Schema of type object (OpenAiInvalidJsonSchema),
    /// a command that does not exist (OpenAiFunctionNotFound). New-OpenAiTool sends nothing: it builds a local object, so
    /// it has no -WhatIf and no -Connection.</para>
    /// </remarks>
    /// <example>
    /// <code>function Get-Weather { param([Parameter(Mandatory, HelpMessage = 'The city')][string] $City) "Sunny in $City" }
    /// $weather = New-OpenAiTool -Command Get-Weather -Description 'The weather in a city today'
    /// Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-Weather City=Paris' -Tool $weather -InvokeFunction Auto | Select-Object OutputText</code>
    /// <para>Offers a PowerShell function as a tool; the model calls it and answers with what it returned.</para>
    /// </example>
    /// <example>
    /// <code>$order = New-OpenAiTool -Name lookup_order -Description 'Finds an order by its number' -Parameters @{ type = 'object'; properties = @{ number = @{ type = 'string' } }; required = @('number'); additionalProperties = $false } -Strict
    /// Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'lookup_order number=A-17' -Tool $order | Select-Object -ExpandProperty FunctionCalls</code>
    /// <para>A function tool described by a JSON Schema; the model's call comes back in FunctionCalls for your code to answer.</para>
    /// </example>
    /// <example>
    /// <code>$tools = @(
    ///     New-OpenAiTool -FileSearch -VectorStoreId vs_abc123 -MaxResults 5
    ///     New-OpenAiTool -WebSearch -SearchContextSize low -AllowedDomain learn.microsoft.com
    ///     New-OpenAiTool -CodeInterpreter -MemoryLimit 4g
    /// )
    /// Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'What does our refund policy say?' -Tool $tools | Select-Object OutputText</code>
    /// <para>Built-in tools: search a vector store and the web, and run code, kept in a variable for every call.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiTool -Mcp -ServerLabel docs -ServerUrl https://mcp.example.com/sse -AllowedTool search, fetch -RequireApproval never | Select-Object Type, Name, @{ n = 'Json'; e = { $_.ToJson() } }</code>
    /// <para>A remote MCP server as a tool, limited to two of its tools; shows the JSON the API receives.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiTool", DefaultParameterSetName = FunctionSet)]
    [OutputType(typeof(OpenAiTool))]
    public sealed class NewOpenAiToolCommand : PSCmdlet
    {
        private const string FunctionSet = "Function";
        private const string CommandSet = "Command";
        private const string FileSearchSet = "FileSearch";
        private const string WebSearchSet = "WebSearch";
        private const string CodeInterpreterSet = "CodeInterpreter";
        private const string ImageGenerationSet = "ImageGeneration";
        private const string McpSet = "Mcp";
        private const string ShellSet = "Shell";
        private const string ApplyPatchSet = "ApplyPatch";
        private const string DefinitionSet = "Definition";

        /// <summary>A PowerShell command (a name or CommandInfo, e.g. piped from Get-Command) to offer as a function tool.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CommandSet, ValueFromPipeline = true)]
        public object? Command { get; set; }

        /// <summary>The function's name (letters, digits, '_' or '-', at most 64); with -Command, renames the command's tool.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FunctionSet)]
        [Parameter(ParameterSetName = CommandSet)]
        public string? Name { get; set; }

        /// <summary>What the function does, for the model to decide when to call it.</summary>
        [Parameter(ParameterSetName = FunctionSet)]
        [Parameter(ParameterSetName = CommandSet)]
        public string? Description { get; set; }

        /// <summary>The function's arguments as a JSON Schema of type object (hashtable or JSON text); default: no arguments.</summary>
        [Parameter(ParameterSetName = FunctionSet)]
        public object? Parameters { get; set; }

        /// <summary>Strict mode: the model's arguments always follow the schema (every property required, no others).</summary>
        [Parameter(ParameterSetName = FunctionSet)]
        [Parameter(ParameterSetName = CommandSet)]
        public SwitchParameter Strict { get; set; }

        /// <summary>The file_search tool: searches the vector stores of -VectorStoreId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSearchSet)]
        public SwitchParameter FileSearch { get; set; }

        /// <summary>The vector stores to search (vs_...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSearchSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? VectorStoreId { get; set; }

        /// <summary>The most results to return, 1 to 50.</summary>
        [Parameter(ParameterSetName = FileSearchSet)]
        [ValidateRange(1, 50)]
        public int? MaxResults { get; set; }

        /// <summary>The least score a result needs, 0 to 1.</summary>
        [Parameter(ParameterSetName = FileSearchSet)]
        [ValidateRange(0.0, 1.0)]
        public double? ScoreThreshold { get; set; }

        /// <summary>A file attribute filter (hashtable or JSON text), e.g. @{ type = 'eq'; key = 'team'; value = 'support' }.</summary>
        [Parameter(ParameterSetName = FileSearchSet)]
        public object? Filter { get; set; }

        /// <summary>The web_search tool.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WebSearchSet)]
        public SwitchParameter WebSearch { get; set; }

        /// <summary>How much context the search may use: low, medium (the API's default) or high.</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        [ValidateSet("low", "medium", "high")]
        public string? SearchContextSize { get; set; }

        /// <summary>The only domains to search (their subdomains too).</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        public string[]? AllowedDomain { get; set; }

        /// <summary>The user's approximate location: two-letter ISO country code, e.g. FR.</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        [ValidatePattern("^[A-Za-z]{2}$")]
        public string? Country { get; set; }

        /// <summary>The user's approximate location: region, e.g. Ile-de-France.</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        public string? Region { get; set; }

        /// <summary>The user's approximate location: city, e.g. Paris.</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        public string? City { get; set; }

        /// <summary>The user's approximate location: IANA time zone, e.g. Europe/Paris.</summary>
        [Parameter(ParameterSetName = WebSearchSet)]
        public string? TimeZone { get; set; }

        /// <summary>The code_interpreter tool: runs Python in a container (a new one by default).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CodeInterpreterSet)]
        public SwitchParameter CodeInterpreter { get; set; }

        /// <summary>An existing container to run the code in (cntr_...), instead of a new one.</summary>
        [Parameter(ParameterSetName = CodeInterpreterSet)]
        public string? ContainerId { get; set; }

        /// <summary>Files (file-...) to put in the new container, at most 50.</summary>
        [Parameter(ParameterSetName = CodeInterpreterSet)]
        [ValidateCount(1, 50)]
        public string[]? FileId { get; set; }

        /// <summary>The new container's memory: 1g, 4g, 16g or 64g.</summary>
        [Parameter(ParameterSetName = CodeInterpreterSet)]
        [ValidateSet("1g", "4g", "16g", "64g")]
        public string? MemoryLimit { get; set; }

        /// <summary>The image_generation tool.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ImageGenerationSet)]
        public SwitchParameter ImageGeneration { get; set; }

        /// <summary>The image model, e.g. gpt-image-1 (the API's default).</summary>
        [Parameter(ParameterSetName = ImageGenerationSet)]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>The image size, e.g. 1024x1024, 1536x1024 or auto.</summary>
        [Parameter(ParameterSetName = ImageGenerationSet)]
        public string? Size { get; set; }

        /// <summary>The image quality: low, medium, high or auto.</summary>
        [Parameter(ParameterSetName = ImageGenerationSet)]
        [ValidateSet("low", "medium", "high", "auto")]
        public string? Quality { get; set; }

        /// <summary>The image format: png, webp or jpeg.</summary>
        [Parameter(ParameterSetName = ImageGenerationSet)]
        [ValidateSet("png", "webp", "jpeg")]
        public string? OutputFormat { get; set; }

        /// <summary>The image background: transparent, opaque or auto.</summary>
        [Parameter(ParameterSetName = ImageGenerationSet)]
        [ValidateSet("transparent", "opaque", "auto")]
        public string? Background { get; set; }

        /// <summary>The mcp tool: a remote MCP server the model may use.</summary>
        [Parameter(Mandatory = true, ParameterSetName = McpSet)]
        public SwitchParameter Mcp { get; set; }

        /// <summary>A label for the server, naming it in the tool calls.</summary>
        [Parameter(Mandatory = true, ParameterSetName = McpSet)]
        [ValidateNotNullOrEmpty]
        public string? ServerLabel { get; set; }

        /// <summary>The server's URL (give this or -ConnectorId).</summary>
        [Parameter(ParameterSetName = McpSet)]
        public Uri? ServerUrl { get; set; }

        /// <summary>A service connector instead of a URL, e.g. connector_sharepoint.</summary>
        [Parameter(ParameterSetName = McpSet)]
        [ValidateSet("connector_dropbox", "connector_gmail", "connector_googlecalendar", "connector_googledrive", "connector_microsoftteams",
            "connector_outlookcalendar", "connector_outlookemail", "connector_sharepoint")]
        public string? ConnectorId { get; set; }

        /// <summary>What the server offers, for the model.</summary>
        [Parameter(ParameterSetName = McpSet)]
        public string? ServerDescription { get; set; }

        /// <summary>The only tools of the server the model may call.</summary>
        [Parameter(ParameterSetName = McpSet)]
        public string[]? AllowedTool { get; set; }

        /// <summary>Whether the server's tool calls need approval: always (the API's default) or never.</summary>
        [Parameter(ParameterSetName = McpSet)]
        [ValidateSet("always", "never")]
        public string? RequireApproval { get; set; }

        /// <summary>The shell tool: the model runs shell commands in the hosted environment.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ShellSet)]
        public SwitchParameter Shell { get; set; }

        /// <summary>The apply_patch tool: the model proposes file edits as patches.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApplyPatchSet)]
        public SwitchParameter ApplyPatch { get; set; }

        /// <summary>Any tool as a hashtable or JSON text, as the Responses API takes it; checked against the spec's tool shapes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DefinitionSet)]
        public object? Definition { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(Build());
            }
            catch (OpenAiValidationException ex)
            {
                WriteError(ErrorRecords.From(ex, (object?)Command ?? (object?)Definition ?? Name));
            }
        }

        private OpenAiTool Build()
        {
            switch (ParameterSetName)
            {
                case CommandSet:
                    var command = FunctionRunner.Resolve(this, Command!, nameof(Command));
                    var described = FunctionTool.Describe(command, Strict);
                    if (Name != null) described["name"] = Name;
                    if (Description != null) described["description"] = Description;
                    return new OpenAiTool(ToolDefinition.Check(described, nameof(Name)), command);
                case FunctionSet:
                    var function = new JsonObject { ["type"] = "function", ["name"] = Name };
                    if (Description != null) function["description"] = Description;
                    function["parameters"] = Parameters is null
                        ? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() }
                        : ToolDefinition.CheckParameters(Parameters, nameof(Parameters));
                    function["strict"] = Strict.IsPresent;
                    return new OpenAiTool(ToolDefinition.Check(function, nameof(Name)));
                case FileSearchSet:
                    var search = new JsonObject { ["type"] = "file_search", ["vector_store_ids"] = Strings(VectorStoreId) };
                    if (MaxResults != null) search["max_num_results"] = MaxResults;
                    if (ScoreThreshold != null) search["ranking_options"] = new JsonObject { ["score_threshold"] = ScoreThreshold };
                    if (Filter != null) search["filters"] = ModelInput.ToJsonObject(Filter, nameof(Filter), "OpenAiInvalidTool");
                    return Tool(search);
                case WebSearchSet:
                    var web = new JsonObject { ["type"] = "web_search" };
                    if (SearchContextSize != null) web["search_context_size"] = SearchContextSize;
                    if (AllowedDomain is { Length: > 0 }) web["filters"] = new JsonObject { ["allowed_domains"] = Strings(AllowedDomain) };
                    if (Country != null || Region != null || City != null || TimeZone != null)
                    {
                        var location = new JsonObject { ["type"] = "approximate" };
                        if (Country != null) location["country"] = Country.ToUpperInvariant();
                        if (Region != null) location["region"] = Region;
                        if (City != null) location["city"] = City;
                        if (TimeZone != null) location["timezone"] = TimeZone;
                        web["user_location"] = location;
                    }
                    return Tool(web);
                case CodeInterpreterSet:
                    if (ContainerId != null && (FileId != null || MemoryLimit != null))
                        throw new OpenAiValidationException(nameof(ContainerId), "-ContainerId names an existing container: -FileId and -MemoryLimit describe a new one, so they cannot go with it.", "OpenAiInvalidArgument");
                    JsonNode container = ContainerId != null ? (JsonNode)ContainerId : new JsonObject { ["type"] = "auto" };
                    if (container is JsonObject auto)
                    {
                        if (FileId != null) auto["file_ids"] = Strings(FileId);
                        if (MemoryLimit != null) auto["memory_limit"] = MemoryLimit;
                    }
                    return Tool(new JsonObject { ["type"] = "code_interpreter", ["container"] = container });
                case ImageGenerationSet:
                    var image = new JsonObject { ["type"] = "image_generation" };
                    if (Model != null) image["model"] = Model;
                    if (Size != null) image["size"] = Size;
                    if (Quality != null) image["quality"] = Quality;
                    if (OutputFormat != null) image["output_format"] = OutputFormat;
                    if (Background != null) image["background"] = Background;
                    return Tool(image);
                case McpSet:
                    if ((ServerUrl is null) == (ConnectorId is null))
                        throw new OpenAiValidationException(nameof(ServerUrl), "An MCP tool needs one of -ServerUrl or -ConnectorId (not both).", "OpenAiInvalidTool");
                    if (ServerUrl != null && !(ServerUrl.IsAbsoluteUri && (ServerUrl.Scheme == Uri.UriSchemeHttps || ServerUrl.Scheme == Uri.UriSchemeHttp)))
                        throw new OpenAiValidationException(nameof(ServerUrl), $"-ServerUrl '{ServerUrl}' must be an absolute http(s) URL.", "OpenAiInvalidTool");
                    var mcp = new JsonObject { ["type"] = "mcp", ["server_label"] = ServerLabel };
                    if (ServerUrl != null) mcp["server_url"] = ServerUrl.AbsoluteUri;
                    if (ConnectorId != null) mcp["connector_id"] = ConnectorId;
                    if (ServerDescription != null) mcp["server_description"] = ServerDescription;
                    if (AllowedTool is { Length: > 0 }) mcp["allowed_tools"] = Strings(AllowedTool);
                    if (RequireApproval != null) mcp["require_approval"] = RequireApproval;
                    return Tool(mcp);
                case ShellSet:
                    return Tool(new JsonObject { ["type"] = "shell" });
                case ApplyPatchSet:
                    return Tool(new JsonObject { ["type"] = "apply_patch" });
                default:
                    return Tool(ModelInput.ToJsonObject(Definition!, nameof(Definition), "OpenAiInvalidTool"), nameof(Definition));
            }
        }

        private static OpenAiTool Tool(JsonObject definition, string parameter = "Tool") => new OpenAiTool(ToolDefinition.Check(definition, parameter));

        private static JsonArray Strings(string[]? values) =>
            new JsonArray((values ?? Array.Empty<string>()).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }
}
