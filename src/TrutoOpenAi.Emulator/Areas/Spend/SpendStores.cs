using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Spend;

/// <summary>The spec's SpendAlertNotificationChannel.</summary>
public sealed record SpendAlertChannel(string Type, IReadOnlyList<string> Recipients, string? SubjectPrefix);

/// <summary>The spec's OrganizationSpendAlert / ProjectSpendAlert (object differs by scope).</summary>
public sealed record SpendAlert : IHasId
{
    public required string Id { get; init; }
    public string Object => ProjectId is null ? "organization.spend_alert" : "project.spend_alert";
    public long ThresholdAmount { get; init; }
    public string Currency { get; init; } = "USD";
    public string Interval { get; init; } = "month";
    public required SpendAlertChannel NotificationChannel { get; init; }

    /// <summary>Not part of the API object: the owning project (null = organization).</summary>
    [JsonIgnore]
    public string? ProjectId { get; init; }
}

public sealed record SpendLimitEnforcement(string Status);

/// <summary>The spec's OrganizationSpendLimitResource / ProjectSpendLimitResource.</summary>
public sealed record SpendLimit
{
    public required string Object { get; init; }
    public long ThresholdAmount { get; init; }
    public string Currency { get; init; } = "USD";
    public string Interval { get; init; } = "month";
    public required SpendLimitEnforcement Enforcement { get; init; }
}

/// <summary>Spend alerts of the organization and of its projects, oldest first. Empty at startup.</summary>
public sealed class SpendAlertStore : IEmulatorStore
{
    public SpendAlertStore(EmulatorState state) => _ = state.Store<ProjectStore>();

    public OrderedStore<SpendAlert> Items { get; } = new();

    public void Reset() => Items.Clear();
}

/// <summary>Hard spend limits: at most one for the organization ("" key) and one per project. Empty at startup.</summary>
public sealed class SpendLimitStore : IEmulatorStore
{
    public SpendLimitStore(EmulatorState state) => _ = state.Store<ProjectStore>();

    /// <summary>Scope ("" or a project id) -> threshold in cents.</summary>
    public ConcurrentDictionary<string, long> Limits { get; } = new(StringComparer.Ordinal);

    public void Reset() => Limits.Clear();
}
