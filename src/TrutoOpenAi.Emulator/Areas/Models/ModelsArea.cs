using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Models;

/// <summary>
/// GET /models (unpaginated {object:list, data}), GET /models/{model}, DELETE /models/{model} (fine-tuned models of the
/// organization only; base models → 403 as the API refuses them; unknown → 404 model_not_found).
/// </summary>
public sealed class ModelsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ModelStore>();
        var models = v1.MapGroup("/models");

        models.MapGet("", () => Results.Json(new { @object = "list", data = store.Items.Snapshot() }, EmulatorJson.Options));

        models.MapGet("/{model}", (string model) =>
            store.Items.Get(model) is { } found ? Results.Json(found, EmulatorJson.Options) : NotFound(model).ToResult());

        models.MapDelete("/{model}", (string model) =>
        {
            if (store.Items.Get(model) is not { } found) return NotFound(model).ToResult();
            if (!found.IsFineTuned || found.OwnedBy != ModelStore.Organization)
                return new ApiError(403, $"You have insufficient permissions to delete the model '{model}': only fine-tuned models owned by your organization can be deleted.",
                    "invalid_request_error", "model", "model_not_deletable").ToResult();
            store.Items.Remove(model);
            return Results.Json(new { id = model, @object = "model", deleted = true }, EmulatorJson.Options);
        });
    }

    private static ApiError NotFound(string model) =>
        new(404, $"The model '{model}' does not exist or you do not have access to it.", "invalid_request_error", "model", "model_not_found");
}
