using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;

namespace Portaali.Core.Selections;

/// <summary>
/// Turns a criteria tree into one predicate over customers or contacts. Each criterion is about the customer or about a
/// contact; <see cref="Lift"/> carries it to the selection's target (a contact's customer, or a customer's active
/// contacts), and groups and negation combine the translated nodes as they are. What it needs beyond the tree
/// (classification subtrees, saved selections for "member of") is loaded once, before translating.
/// </summary>
/// <summary>Why a record is left out whatever the criteria say (unless the definition lets it in).</summary>
public enum DefaultExclusion { Passive, Left, OptedOut }

internal sealed class CriteriaTranslator
{
    private readonly PortaaliDbContext db;
    private readonly SelectionEngine engine;
    private readonly TimeProvider clock;
    private readonly ClassificationPaths paths;
    private readonly IReadOnlyList<CustomerGroup> groups;
    private readonly IReadOnlySet<int> visiting;
    /// <summary>The members of the saved selections named by "member of" criteria, resolved before translating.</summary>
    private readonly Dictionary<int, IQueryable<int>> savedMembers = [];
    private bool includeLeft;
    private SelectionTarget selectionTarget;

    private CriteriaTranslator(PortaaliDbContext db, SelectionEngine engine, TimeProvider clock, ClassificationPaths paths,
        IReadOnlyList<CustomerGroup> groups, IReadOnlySet<int> visiting)
    {
        (this.db, this.engine, this.clock, this.paths, this.groups, this.visiting) = (db, engine, clock, paths, groups, visiting);
    }

    /// <summary>Loads what translating needs. Give the <paramref name="definition"/> so the saved selections its "member
    /// of" criteria name are resolved here (the translation itself is synchronous); a cycle or a selection of the other
    /// target is refused with a message the user can act on.</summary>
    public static async Task<CriteriaTranslator> CreateAsync(PortaaliDbContext db, SelectionEngine engine, TimeProvider clock,
        CancellationToken ct, IReadOnlySet<int>? visiting = null, SelectionDefinition? definition = null)
    {
        visiting ??= new HashSet<int>();
        var translator = new CriteriaTranslator(db, engine, clock, await ClassificationPaths.LoadAsync(db, ct),
            await CustomerGroups.LoadAsync(db, ct), visiting);
        if (definition is not null) await translator.ResolveMemberOfAsync(definition, ct);
        return translator;
    }

    private async Task ResolveMemberOfAsync(SelectionDefinition definition, CancellationToken ct)
    {
        var ids = CriteriaJson.Flatten(definition.Criteria).OfType<MemberOfCriterion>().Select(m => m.SelectionId).Distinct().ToList();
        if (ids.Count == 0) return;
        var named = await db.Selections.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Target }).ToDictionaryAsync(s => s.Id, ct);
        var inner = definition.SelectionId is { } self ? new HashSet<int>(visiting) { self } : visiting;
        foreach (var id in ids)
        {
            if (!named.TryGetValue(id, out var saved)) throw new NotFoundException(CoreText.Get("SelectionNotFound"));
            if (inner.Contains(id)) throw new DomainException(CoreText.Get("SelectionCycle", saved.Name));
            if (saved.Target != definition.Target) throw new DomainException(CoreText.Get("SelectionMemberOfOtherTarget", saved.Name));
            savedMembers[id] = await engine.SavedMemberIdsAsync(db, id, inner, ct);
        }
    }

    public Expression<Func<Customer, bool>> ForCustomers(SelectionDefinition definition)
    {
        (includeLeft, selectionTarget) = (definition.IncludeLeft, SelectionTarget.Customers);
        var c = Expression.Parameter(typeof(Customer), "c");
        var body = Translate(definition.Criteria, c, SelectionTarget.Customers);
        if (!definition.IncludePassive && !NamesStatus(definition.Criteria))
            body = Expression.AndAlso(Expression.Not(Expression.Property(c, nameof(Customers.Customer.IsPassive))), body);
        return Expression.Lambda<Func<Customer, bool>>(body, c);
    }

    public Expression<Func<Contact, bool>> ForContacts(SelectionDefinition definition)
    {
        (includeLeft, selectionTarget) = (definition.IncludeLeft, SelectionTarget.Contacts);
        var p = Expression.Parameter(typeof(Contact), "p");
        var body = Translate(definition.Criteria, p, SelectionTarget.Contacts);
        if (!definition.IncludePassive && !NamesStatus(definition.Criteria))
            body = Expression.AndAlso(Expression.Not(Expression.Property(Expression.Property(p, nameof(Contacts.Contact.Customer)), nameof(Customers.Customer.IsPassive))), body);
        if (!definition.IncludeLeft)
            body = Expression.AndAlso(Expression.Not(Expression.Property(p, nameof(Contacts.Contact.HasLeft))), body);
        if (definition.Purpose == SelectionPurpose.Email)
            body = Expression.AndAlso(Expression.Not(Expression.Property(p, nameof(Contacts.Contact.NoMarketingEmail))), body);
        return Expression.Lambda<Func<Contact, bool>>(body, p);
    }

    /// <summary>A criterion's own predicate, lifted to the target, on the target's parameter.</summary>
    public Expression Translate(Criterion criterion, ParameterExpression target, SelectionTarget kind)
    {
        Expression body;
        if (criterion is CriteriaGroup group)
        {
            var parts = group.Children.Select(child => Translate(child, target, kind)).ToList();
            body = parts.Count == 0
                ? Expression.Constant(true)
                : parts.Aggregate((a, b) => group.Operator == GroupOperator.And ? Expression.AndAlso(a, b) : Expression.OrElse(a, b));
        }
        else
        {
            body = Lift(Leaf(criterion), target, kind);
        }
        return criterion.Negated ? Expression.Not(body) : body;
    }

    /// <summary>Only a criterion that names the status lets passive customers in: otherwise they are left out.</summary>
    private static bool NamesStatus(CriteriaGroup root) => CriteriaJson.Flatten(root).OfType<StatusCriterion>().Any();

    /// <summary>A leaf's predicate, about the customer or about one contact.</summary>
    private LambdaExpression Leaf(Criterion criterion) => criterion switch
    {
        SegmentCriterion s => Customer(c => s.Segments.Contains(c.Segment)),
        SizeClassCriterion s => SizeClass(s),
        MunicipalityCriterion m => Customer(c => m.Codes.Contains(c.MunicipalityCode!)),
        RegionCriterion r => Region(r),
        IndustryCriterion i => Industry(i),
        RevenueCriterion r => Revenue(r),
        StatusCriterion s => Customer(c => c.IsPassive == s.Passive),
        ResponsibleCriterion r => Customer(c => c.Responsibles.Any(x => r.UserIds.Contains(x.UserId))),
        CustomerGroupCriterion g => CustomerGroup(g),
        ClassificationCriterion k => Classification(k),
        ContactRoleCriterion r => ContactRole(r),
        ContactTitleCriterion t => ContactTitle(t),
        ContactEmailCriterion => Contact(p => p.Email != null && p.Email != ""),
        ActivityCriterion a => Activity(a),
        OfferCriterion o => Offer(o),
        CampaignStepCriterion s => CampaignStep(s),
        MemberOfCriterion m => MemberOf(m),
        ProjectNetworkCriterion n => ProjectNetwork(n),
        _ => throw new NotSupportedException($"{criterion.GetType().Name} is not translated"),
    };

    /// <summary>The nodes of the definition's tree (or only its leaves), each lifted to the target with its own
    /// negation (not its ancestors'), for the "why": one boolean per node, evaluated beside the others in one query.</summary>
    public IReadOnlyList<(Criterion Node, Expression Held)> Nodes(SelectionDefinition definition, ParameterExpression target, bool leavesOnly)
    {
        (includeLeft, selectionTarget) = (definition.IncludeLeft, definition.Target);
        var nodes = new List<(Criterion, Expression)>();
        foreach (var node in CriteriaJson.Flatten(definition.Criteria))
            if (!leavesOnly || node is not CriteriaGroup) nodes.Add((node, Translate(node, target, definition.Target)));
        return nodes;
    }

    /// <summary>The default exclusions in force for the definition, each as "this record is left out because …".</summary>
    public IReadOnlyList<(DefaultExclusion Reason, Expression Applies)> DefaultExclusions(SelectionDefinition definition, ParameterExpression target)
    {
        var list = new List<(DefaultExclusion, Expression)>();
        var customer = definition.Target == SelectionTarget.Customers ? (Expression)target : Expression.Property(target, nameof(Contacts.Contact.Customer));
        if (!definition.IncludePassive && !NamesStatus(definition.Criteria))
            list.Add((DefaultExclusion.Passive, Expression.Property(customer, nameof(Customers.Customer.IsPassive))));
        if (definition.Target == SelectionTarget.Contacts && !definition.IncludeLeft)
            list.Add((DefaultExclusion.Left, Expression.Property(target, nameof(Contacts.Contact.HasLeft))));
        if (definition.Target == SelectionTarget.Contacts && definition.Purpose == SelectionPurpose.Email)
            list.Add((DefaultExclusion.OptedOut, Expression.Property(target, nameof(Contacts.Contact.NoMarketingEmail))));
        return list;
    }

    /// <summary>About the customer: for a contact target, the contact's customer has the activity (activities belong to
    /// customers; the people attached to one are not what "the customer was visited" asks).</summary>
    private LambdaExpression Activity(ActivityCriterion a)
    {
        var types = a.TypeIds.Distinct().ToList();
        DateOnly? from = a.From, to = a.To;
        var activities = db.Activities.AsQueryable();
        if (types.Count > 0) activities = activities.Where(x => types.Contains(x.ActivityTypeId));
        if (from is { } f) activities = activities.Where(x => x.LocalDate >= f);
        if (to is { } t) activities = activities.Where(x => x.LocalDate <= t);
        return CustomerIn(activities.Where(x => x.CustomerId != null).Select(x => x.CustomerId!.Value));
    }

    private LambdaExpression Offer(OfferCriterion o)
    {
        var types = o.Types.Distinct().ToList();
        var offers = db.Offers.AsQueryable();
        if (o.OrdersOnly) offers = offers.Where(x => x.State == Offers.OfferState.Accepted);
        if (types.Count > 0) offers = offers.Where(x => types.Contains(x.Type));
        if (o.From is { } f) offers = offers.Where(x => x.OfferedOn >= f);
        if (o.To is { } t) offers = offers.Where(x => x.OfferedOn <= t);
        return CustomerIn(offers.Select(x => x.CustomerId));
    }

    /// <summary>About the contact: on a customer target it reads "has an active contact who is in the campaign".</summary>
    private LambdaExpression CampaignStep(CampaignStepCriterion s)
    {
        var campaigns = s.CampaignIds.Distinct().ToList();
        var steps = s.Steps.Distinct().ToList();
        var members = db.CampaignMembers.AsQueryable();
        if (campaigns.Count > 0) members = members.Where(m => campaigns.Contains(m.CampaignId));
        if (steps.Count > 0) members = members.Where(m => steps.Contains(m.Step));
        return Contact(p => members.Any(m => m.ContactId == p.Id));
    }

    /// <summary>About the customer on a customer target (in the network as an organisation or through a contact); on a
    /// contact target about the contact named in it, or, with "whole organisations", about the contact's customer.</summary>
    private LambdaExpression ProjectNetwork(ProjectNetworkCriterion n)
    {
        var projects = n.ProjectIds.Distinct().ToList();
        var roles = n.Roles.Distinct().ToList();
        var members = db.ProjectNetworkMembers.AsQueryable();
        if (projects.Count > 0) members = members.Where(m => projects.Contains(m.ProjectId));
        if (roles.Count > 0) members = members.Where(m => roles.Contains(m.Role));
        if (selectionTarget == SelectionTarget.Customers || n.WholeOrganisations) return CustomerIn(members.Select(m => m.CustomerId));
        return Contact(p => members.Any(m => m.ContactId == p.Id));
    }

    /// <summary>The saved selection's members, resolved in <see cref="CreateAsync"/>; same target only, so the lift is
    /// the identity.</summary>
    private LambdaExpression MemberOf(MemberOfCriterion m)
    {
        if (!savedMembers.TryGetValue(m.SelectionId, out var members))
            throw new InvalidOperationException("A \"member of\" criterion is translated only after CreateAsync resolved it (pass the definition).");
        return selectionTarget == SelectionTarget.Customers
            ? Customer(c => members.Contains(c.Id))
            : Contact(p => members.Contains(p.Id));
    }

    private static Expression<Func<Customer, bool>> Customer(Expression<Func<Customer, bool>> predicate) => predicate;
    private static Expression<Func<Contact, bool>> Contact(Expression<Func<Contact, bool>> predicate) => predicate;

    private static LambdaExpression SizeClass(SizeClassCriterion s)
    {
        int min = Math.Max(1, s.Min ?? 1), max = Math.Min(9, s.Max ?? 9);
        return Customer(c => c.SizeClass >= min && c.SizeClass <= max);
    }

    private static LambdaExpression Industry(IndustryCriterion i)
    {
        var prefixes = i.Prefixes.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();
        if (prefixes.Count == 0) return Customer(c => false);
        Expression<Func<Customer, bool>>? any = null;
        foreach (var prefix in prefixes)
        {
            Expression<Func<Customer, bool>> one = c => c.IndustryCode != null && c.IndustryCode.StartsWith(prefix);
            any = any is null ? one : Or(any, one);
        }
        return any!;
    }

    /// <summary>As REAL: a decimal comparison on SQLite goes through a culture-dependent text collation (see CustomerFilter).</summary>
    private static LambdaExpression Revenue(RevenueCriterion r)
    {
        double? min = r.Min is { } a ? (double)a : null, max = r.Max is { } b ? (double)b : null;
        return Customer(c => c.Revenue != null && (min == null || (double)c.Revenue >= min) && (max == null || (double)c.Revenue <= max));
    }

    private LambdaExpression CustomerGroup(CustomerGroupCriterion g)
    {
        var nodes = groups.Where(x => g.GroupIds.Contains(x.Id)).SelectMany(x => x.NodeIds).Distinct().ToList();
        return Customer(c => c.Classifications.Any(k => nodes.Contains(k.NodeId + 0))); // + 0: see Classification

    }

    /// <summary>Through the municipality codes of the regions, so the customers' municipality index can be used.</summary>
    private LambdaExpression Region(RegionCriterion r)
    {
        var codes = db.Municipalities.Where(m => r.Regions.Contains(m.Region)).Select(m => m.Code);
        return Customer(c => c.MunicipalityCode != null && codes.Contains(c.MunicipalityCode));
    }

    // Activities, offers and "has an active contact who …" read "the customer's id is in (the ids of the matching rows)":
    // SQLite evaluates that list once instead of probing per customer. Criteria on a record's own rows (classifications,
    // campaign steps) stay correlated EXISTS over their keys: as "contact id IN (list)" SQLite walked the whole list for
    // every customer of a contact selection (minutes at 100,000 customers, docs/selections.md).
    private static Expression<Func<Customer, bool>> CustomerIn(IQueryable<int> ids) => c => ids.Contains(c.Id);

    // A classification criterion is a correlated EXISTS over the record's own classification rows, read by the first
    // column of their key (CustomerId or ContactId): a record has a handful, so one seek reads them all. The node is
    // compared as "NodeId + 0" so that SQLite cannot use the key's second column: with it, a group's subtree of ten
    // nodes became ten seeks per candidate record (97 → 60 ms CPU for the issue-12 selection at 100,000 customers).
    private LambdaExpression Classification(ClassificationCriterion k)
    {
        var subtrees = k.NodeIds.Distinct().Select(id => paths.SubtreeOf(id).ToList()).ToList();
        if (k.On == ClassificationTarget.Customer)
        {
            var all = subtrees.SelectMany(s => s).Distinct().ToList();
            return k.Match switch
            {
                ClassificationMatch.NoneOf => Customer(c => !c.Classifications.Any(x => all.Contains(x.NodeId + 0))),
                ClassificationMatch.AllOf => subtrees.Count == 0 ? Customer(c => true) : subtrees
                    .Select(s => Customer(c => c.Classifications.Any(x => s.Contains(x.NodeId + 0))))
                    .Aggregate(And),
                _ => Customer(c => c.Classifications.Any(x => all.Contains(x.NodeId + 0))),
            };
        }
        var contactNodes = subtrees.SelectMany(s => s).Distinct().ToList();
        return k.Match switch
        {
            ClassificationMatch.NoneOf => Contact(p => !p.Classifications.Any(x => contactNodes.Contains(x.NodeId + 0))),
            ClassificationMatch.AllOf => subtrees.Count == 0 ? Contact(p => true) : subtrees
                .Select(s => Contact(p => p.Classifications.Any(x => s.Contains(x.NodeId + 0))))
                .Aggregate(And),
            _ => Contact(p => p.Classifications.Any(x => contactNodes.Contains(x.NodeId + 0))),
        };
    }

    private LambdaExpression ContactRole(ContactRoleCriterion r)
    {
        var nodes = r.RoleNodeIds.SelectMany(id => paths.SubtreeOf(id)).Distinct().ToList();
        return Contact(p => p.Classifications.Any(x => nodes.Contains(x.NodeId + 0)));
    }

    /// <summary>The title contains the text whatever the case: "myyntipäällikkö" finds "MYYNTIPÄÄLLIKKÖ" on both providers
    /// (<see cref="TextMatch"/>). A title search column would do the same with an index, but a "contains" cannot use one.</summary>
    private static LambdaExpression ContactTitle(ContactTitleCriterion t)
    {
        var text = TextMatch.Pattern(t.Text);
        return Contact(p => p.Title != null && TextMatch.Lower(p.Title).Contains(text));
    }

    /// <summary>Carries a customer predicate to a contact (through its customer), or a contact predicate to a customer
    /// ("has an active contact who …").</summary>
    private Expression Lift(LambdaExpression leaf, ParameterExpression target, SelectionTarget kind)
    {
        var about = leaf.Parameters[0].Type;
        if (kind == SelectionTarget.Customers && about == typeof(Customer)) return Replace(leaf, target);
        if (kind == SelectionTarget.Contacts && about == typeof(Contact)) return Replace(leaf, target);
        if (kind == SelectionTarget.Contacts) return Replace(leaf, Expression.Property(target, nameof(Contacts.Contact.Customer)));

        var contact = (Expression<Func<Contact, bool>>)leaf;
        if (!includeLeft) contact = And(Contact(p => !p.HasLeft), contact);
        return Replace(CustomerIn(db.Contacts.Where(contact).Select(p => p.CustomerId)), target);
    }

    internal static Expression Replace(LambdaExpression lambda, Expression with) =>
        new ParameterReplacer(lambda.Parameters[0], with).Visit(lambda.Body);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(a.Body, Replace(b, a.Parameters[0])), a.Parameters);

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, Replace(b, a.Parameters[0])), a.Parameters);

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
