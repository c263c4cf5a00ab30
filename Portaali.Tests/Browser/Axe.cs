using System.Text.Json;
using Microsoft.Playwright;

namespace Portaali.Tests.Browser;

/// <summary>
/// axe-core 4.14 (the engine behind Deque's and Lighthouse's checks, from the Deque.AxeCore packages) on the page as it
/// stands, for the WCAG 2.1 A and AA rules. Only serious and critical violations are returned: those block or mislead a
/// person using a screen reader, the keyboard or weak eyesight, and the app promises none.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is missing from Deque.AxeCore.Commons");
        return new StreamReader(stream).ReadToEnd();
    });

    // Evaluated by the driver, so the page's Content-Security-Policy stays as strict as users have it. Only the
    // violations travel back, summarised in the page: the passes of a large page would be megabytes of JSON.
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({
              id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
              nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' +
                [...n.any, ...n.all, ...n.none].map(c => c.message).filter((m, i, a) => a.indexOf(m) === i).join('; ').slice(0, 160)),
            })));
        }
        """;

    private sealed record Violation(string Id, string Impact, string Help, int Count, string[] Nodes);

    /// <summary>One line per serious or critical violation: the rule, how many nodes, and the first few of them.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(Run);
        var violations = JsonSerializer.Deserialize<Violation[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return violations.Select(v => $"{v.Id} ({v.Impact}, {v.Count} nodes): {v.Help} — {string.Join(" | ", v.Nodes)}").ToList();
    }
}
