using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portaali.Web.Setup;

/// <summary>
/// <c>/diagnostics/heap</c> for the circuit benchmark (docs/benchmarks-circuits.md): forces a full GC and answers the
/// managed heap, the open circuits and their live components. Mapped only when <c>Portaali:Diagnostics:Heap</c> is true
/// (off by default, never in production: a GC on request would let anyone stall the server), and even then it answers
/// only requests from the machine itself.
/// </summary>
public static class HeapDiagnostics
{
    public const string Path = "/diagnostics/heap";
    public const string Switch = "Portaali:Diagnostics:Heap";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue(Switch, false);

    public static IServiceCollection AddPortaaliHeapDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsOn(configuration)) return services;
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, OpenCircuitHandler>();
        return services;
    }

    public static void MapPortaaliHeapDiagnostics(this WebApplication app)
    {
        if (!IsOn(app.Configuration)) return;
        app.MapGet(Path, (HttpContext context, OpenCircuits circuits) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote)) return Results.NotFound();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(JsonSerializer.Serialize(new
                {
                    heapBytes = heap, circuits = circuits.Count, components = circuits.LiveComponents(),
                    componentTypes = circuits.LiveComponentTypes(),
                }),
                "application/json; charset=utf-8");
        }).AllowAnonymous();
    }
}

/// <summary>The circuits open on this server, for the heap diagnostics only.</summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, Circuit> open = new();

    public int Count => open.Count;
    public void Add(Circuit circuit) => open[circuit.Id] = circuit;
    public void Remove(Circuit circuit) => open.TryRemove(circuit.Id, out _);

    /// <summary>Live components over all open circuits, read from the renderer by reflection (the framework offers no
    /// public count); null when a framework version names its fields otherwise.</summary>
    public int? LiveComponents()
    {
        var total = 0;
        foreach (var circuit in open.Values)
        {
            var host = circuit.GetType().GetField("_circuitHost", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(circuit);
            var renderer = host?.GetType().GetProperty("Renderer", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(host);
            var states = renderer is null ? null : FindField(renderer.GetType(), "_componentStateById")?.GetValue(renderer) as System.Collections.ICollection;
            if (states is null) return null;
            total += states.Count;
        }
        return total;
    }

    /// <summary>Live components over all open circuits by type name, so a measurement can say which ones a page keeps;
    /// null where <see cref="LiveComponents"/> is.</summary>
    public Dictionary<string, int>? LiveComponentTypes()
    {
        var types = new Dictionary<string, int>();
        foreach (var circuit in open.Values)
        {
            if (ComponentStates(circuit) is not { } states) return null;
            foreach (var state in states)
            {
                var name = state?.GetType().GetProperty("Component")?.GetValue(state)?.GetType() is { } type ? TypeName(type) : "?";
                types[name] = types.GetValueOrDefault(name) + 1;
            }
        }
        return types;

        static string TypeName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">" : type.Name;
    }

    private static System.Collections.IEnumerable? ComponentStates(Circuit circuit)
    {
        var host = circuit.GetType().GetField("_circuitHost", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(circuit);
        var renderer = host?.GetType().GetProperty("Renderer", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(host);
        return renderer is null ? null : (FindField(renderer.GetType(), "_componentStateById")?.GetValue(renderer) as System.Collections.IDictionary)?.Values;
    }

    private static FieldInfo? FindField(Type? type, string name)
    {
        for (; type is not null; type = type.BaseType)
            if (type.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance) is { } field) return field;
        return null;
    }
}

public sealed class OpenCircuitHandler(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Add(circuit);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Remove(circuit);
        return Task.CompletedTask;
    }
}
