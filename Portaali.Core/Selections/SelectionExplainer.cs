using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Selections;

/// <summary>One node of the tree for one record: its description in the UI language, and whether it held (with the
/// node's own negation applied: "Not: municipality is Espoo" holds for a customer in Vantaa).</summary>
public sealed record CriterionOutcome(Guid CriterionId, int Depth, string Description, bool Negated, bool Held);

/// <summary>Why a record is in the selection or which criteria (or default exclusion) left it out.</summary>
public sealed record MemberExplanation(int MemberId, string Name, bool IsMember, string? ExcludedByDefault,
    IReadOnlyList<CriterionOutcome> Outcomes)
{
    /// <summary>For a record left out by the criteria: the nodes whose failure decided it (the failing children of an
    /// AND group, followed down; an OR group or a negated group that failed as a whole is named itself).</summary>
    public IReadOnlyList<Guid> ExcludedBy { get; init; } = [];
}

/// <summary>Says why a record matched and, for one left out, which criterion excluded it. Every answer is one SQL
/// query: each node's translated predicate is projected as a 0/1 character of one text column.</summary>
public class SelectionExplainer(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, SelectionEngine engine)
{
    /// <summary>The explanation for one customer or contact id (by the definition's target), member or not.</summary>
    public async Task<MemberExplanation> ExplainAsync(SelectionDefinition definition, int memberId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var translator = await engine.TranslatorAsync(db, definition, ct);
        var text = await CriteriaText.LoadAsync(db, definition.Criteria, ct);
        var x = Parameter(definition.Target);
        var nodes = translator.Nodes(definition, x, leavesOnly: false);
        var exclusions = translator.DefaultExclusions(definition, x);
        var rows = await RowsAsync(db, definition.Target, x, [memberId], [.. nodes.Select(n => n.Held), .. exclusions.Select(e => e.Applies)], ct);
        var row = rows.SingleOrDefault()
            ?? throw new NotFoundException(CoreText.Get(definition.Target == SelectionTarget.Customers ? "CustomerNotFound" : "ContactNotFound"));

        var held = new Dictionary<Criterion, bool>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < nodes.Count; i++) held[nodes[i].Node] = row.Bits[i] == '1';
        var applying = exclusions.Where((_, i) => row.Bits[nodes.Count + i] == '1').Select(e => ExclusionText(e.Reason)).ToList();

        var outcomes = new List<CriterionOutcome>();
        Walk(definition.Criteria, 0);
        var rootHeld = held[definition.Criteria];
        return new MemberExplanation(row.Id, row.Name, rootHeld && applying.Count == 0,
            applying.Count == 0 ? null : string.Join("; ", applying), outcomes)
        {
            ExcludedBy = [.. Blame(definition.Criteria, held)],
        };

        void Walk(Criterion node, int depth)
        {
            outcomes.Add(new CriterionOutcome(node.Id, depth, text.Describe(node), node.Negated, held[node]));
            if (node is CriteriaGroup group)
                foreach (var child in group.Children) Walk(child, depth + 1);
        }
    }

    /// <summary>For each of the given members (a page), the ids of the leaf criteria that held for it, in one query.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlySet<Guid>>> HeldCriteriaAsync(SelectionDefinition definition,
        IReadOnlyCollection<int> memberIds, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.SignedIn);
        if (memberIds.Count == 0) return new Dictionary<int, IReadOnlySet<Guid>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var translator = await engine.TranslatorAsync(db, definition, ct);
        var x = Parameter(definition.Target);
        var leaves = translator.Nodes(definition, x, leavesOnly: true);
        var rows = await RowsAsync(db, definition.Target, x, [.. memberIds.Distinct()], [.. leaves.Select(l => l.Held)], ct);
        return rows.ToDictionary(r => r.Id,
            r => (IReadOnlySet<Guid>)leaves.Where((_, i) => r.Bits[i] == '1').Select(l => l.Node.Id).ToHashSet());
    }

    /// <summary>A criterion in words in the UI language ("Segment is B", "Not: municipality is Espoo").</summary>
    public async Task<string> DescribeAsync(Criterion criterion, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await CriteriaText.LoadAsync(db, criterion, ct)).Describe(criterion);
    }

    /// <summary>Customers or contacts by name, passive and left included, for asking "why is X not in it".</summary>
    public async Task<IReadOnlyList<PersonRef>> SearchAsync(SelectionTarget target, string text, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.SignedIn);
        var words = CustomerRules.SearchForm(text ?? "").Replace("%", "").Replace("_", "");
        if (words.Length == 0) return [];
        var pattern = "%" + words + "%";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return target == SelectionTarget.Customers
            ? await db.Customers.AsNoTracking().Where(c => EF.Functions.Like(c.NameSearch, pattern))
                .OrderBy(c => c.NameSearch).ThenBy(c => c.Id).Take(20).Select(c => new PersonRef(c.Id, c.Name)).ToListAsync(ct)
            : await db.Contacts.AsNoTracking().Where(p => EF.Functions.Like(p.NameSearch, pattern))
                .OrderBy(p => p.NameSearch).ThenBy(p => p.Id).Take(20)
                .Select(p => new PersonRef(p.Id, p.FirstName + " " + p.LastName + " (" + p.Customer!.Name + ")")).ToListAsync(ct);
    }

    private static string ExclusionText(DefaultExclusion reason) => CoreText.Get(reason switch
    {
        DefaultExclusion.Passive => "SelExcludedPassive",
        DefaultExclusion.Left => "SelExcludedLeft",
        _ => "SelExcludedOptedOut",
    });

    private static IEnumerable<Guid> Blame(Criterion node, IReadOnlyDictionary<Criterion, bool> held)
    {
        if (held[node]) return [];
        if (node is CriteriaGroup { Negated: false, Operator: GroupOperator.And } group && group.Children.Count > 0)
            return group.Children.SelectMany(child => Blame(child, held));
        return [node.Id];
    }

    private static ParameterExpression Parameter(SelectionTarget target) =>
        Expression.Parameter(target == SelectionTarget.Customers ? typeof(Customer) : typeof(Contact), "x");

    private sealed record BitsRow(int Id, string Name, string Bits);

    /// <summary>The records with the given ids, each with one '1' or '0' per boolean, in the order given.</summary>
    private static async Task<List<BitsRow>> RowsAsync(PortaaliDbContext db, SelectionTarget target, ParameterExpression x,
        List<int> ids, IReadOnlyList<Expression> booleans, CancellationToken ct)
    {
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
        Expression bits = Expression.Constant("");
        foreach (var b in booleans)
            bits = Expression.Call(concat, bits, Expression.Condition(b, Expression.Constant("1"), Expression.Constant("0")));
        var ctor = typeof(BitsRow).GetConstructors()[0];
        if (target == SelectionTarget.Customers)
        {
            Expression<Func<Customer, string>> name = c => c.Name;
            var selector = Expression.Lambda<Func<Customer, BitsRow>>(
                Expression.New(ctor, Expression.Property(x, nameof(Customer.Id)), CriteriaTranslator.Replace(name, x), bits), x);
            return await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(selector).ToListAsync(ct);
        }
        Expression<Func<Contact, string>> contactName = p => p.FirstName + " " + p.LastName + " (" + p.Customer!.Name + ")";
        var contactSelector = Expression.Lambda<Func<Contact, BitsRow>>(
            Expression.New(ctor, Expression.Property(x, nameof(Contact.Id)), CriteriaTranslator.Replace(contactName, x), bits), x);
        return await db.Contacts.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(contactSelector).ToListAsync(ct);
    }
}
