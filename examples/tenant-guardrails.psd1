# Desired guardrails per tenant, for Sync-TenantGuardrails.ps1. Each entry names projects by Name (wildcards allowed);
# a project takes the first entry it matches, and projects that match none are left alone. A setting left out of an
# entry is left alone too. AllowedModels: the only models the project may call (an allow list). AllowedTools: the only
# hosted tools it may use (file_search, web_search, image_generation, mcp, code_interpreter); the others are disabled.
# Retention: organization_default, none, zero_data_retention, modified_abuse_monitoring, enhanced_zero_data_retention
# or enhanced_modified_abuse_monitoring. The same file can be JSON: {"Tenants": [{"Project": "...", ...}]}.
@{
    Tenants = @(
        @{
            Project       = 'tenant-00001'
            AllowedModels = @('gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small')
            AllowedTools  = @('file_search', 'web_search')
            Retention     = 'zero_data_retention'
        }
        @{
            Project       = 'tenant-*'
            AllowedModels = @('gpt-4o-mini', 'text-embedding-3-small')
            AllowedTools  = @('file_search')
            Retention     = 'organization_default'
        }
    )
}
