using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portaali.Web.Components.Shared;

/// <summary>A form's unsaved work as this browser kept it: the form's model as the server last saw it, and the text
/// fields as last typed (by input id), which may be newer.</summary>
public sealed record FormDraft(string? ModelJson, IReadOnlyDictionary<string, string> Fields, DateTimeOffset SavedAt)
{
    public T? Model<T>() where T : class => ModelJson is null ? null : JsonSerializer.Deserialize<T>(ModelJson, FormDrafts.Json);

    /// <summary>The text last typed into the input with this id, or null when the draft has none for it.</summary>
    public string? Text(string inputId) => Fields.TryGetValue(inputId, out var text) ? text : null;
}

/// <summary>Keeps drafts of edit forms in the browser's localStorage (wwwroot/drafts.js), keyed per user, form and
/// record, so typed work survives a server restart or a reload; nothing is stored on the server.</summary>
public sealed class FormDrafts(IJSRuntime js) : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string session = Guid.NewGuid().ToString("N");
    private IJSObjectReference? module;

    public static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType(), Json);

    public async Task<FormDraft?> ReadAsync(string key)
    {
        var stored = await (await ModuleAsync()).InvokeAsync<string?>("read", key);
        if (string.IsNullOrEmpty(stored)) return null;
        var raw = JsonSerializer.Deserialize<Stored>(stored, Json);
        return raw is null ? null : new FormDraft(raw.Model, raw.Fields ?? [], DateTimeOffset.FromUnixTimeMilliseconds(raw.SavedAt));
    }

    /// <summary>Writes the form's model; null when the form is back as it was loaded.</summary>
    public async Task SaveModelAsync(string key, string? modelJson) =>
        await (await ModuleAsync()).InvokeVoidAsync("saveModel", key, session, modelJson);

    public async Task WatchAsync(string key, ElementReference element) =>
        await (await ModuleAsync()).InvokeVoidAsync("watch", key, session, element);

    public async Task UnwatchAsync(ElementReference element) =>
        await (await ModuleAsync()).InvokeVoidAsync("unwatch", element);

    public async Task ClearAsync(string key) => await (await ModuleAsync()).InvokeVoidAsync("clear", key);

    private async Task<IJSObjectReference> ModuleAsync() => module ??= await js.InvokeAsync<IJSObjectReference>("import", "./drafts.js");

    public async ValueTask DisposeAsync()
    {
        if (module is null) return;
        try { await module.DisposeAsync(); }
        catch (JSDisconnectedException) { /* the circuit is gone, and the module with it */ }
    }

    private sealed record Stored(string? Model, Dictionary<string, string>? Fields, long SavedAt);
}

/// <summary>What an edit form held when it was loaded, to tell whether anything has been changed since.</summary>
public sealed class EditSnapshot
{
    private readonly string json;

    private EditSnapshot(string json) => this.json = json;

    public static EditSnapshot Of(object model) => new(FormDrafts.Serialize(model));

    public bool Differs(object? model) => model is not null && FormDrafts.Serialize(model) != json;
}
