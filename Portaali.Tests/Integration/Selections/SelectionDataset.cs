using Portaali.Sql;
using Portaali.Core.Activities;
using Portaali.Core.Campaigns;
using Portaali.Core.Classifications;
using Portaali.Core.Offers;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Selections;

/// <summary>
/// A known base for the selection tests, built once per test class on a real SQLite file (the harness's clock says
/// 10.3.2026): five customers (one passive, one with every optional field empty), contacts with mixed-case e-mails and
/// ä/ö names and titles, one who left, one who asked not to be mailed, activities and offers over years, a campaign.
/// </summary>
public class SelectionDataset : IAsyncLifetime
{
    public CoreHarness H { get; private set; } = default!;
    /// <summary>The SQL the services sent, for the plan tests.</summary>
    public SqlPlanRecorder Recorder { get; } = new();
    public SelectionEngine Engine => H.Service<SelectionEngine>();
    public SelectionExplainer Explainer => H.Service<SelectionExplainer>();

    public AppUser Responsible { get; private set; } = default!;
    public int WorkPlacements, SocialCare, Partners, DecisionMaker, Expert;
    public int EspoonKone, VantaanVari, HelsinginSahko, Lopettanut, OulunOsaajat;
    public int Aini, Left, OptedOut, NoMail, Bertta, Heikki, Pekka, Ella;
    public int SpringSeminar, AutumnMailing;

    public const string Espoo = "049", Vantaa = "092", Helsinki = "091";

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        // The plans are SQLite's (EXPLAIN QUERY PLAN): on PostgreSQL nothing records them.
        H = await CoreHarness.CreateAsync(provider: DatabaseProvider,
            configure: services => { if (DatabaseProvider == DatabaseProvider.Sqlite) SqlPlanRecorder.AddTo(services, Recorder); });
        await H.SignInAsAsync(UserGroup.SalesAndMarketing);
        Responsible = await H.CreateUserAsync(UserGroup.SalesAndMarketing, "Riitta Vastuunen");

        await using (var db = H.Db())
        {
            var groupsRoot = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = CustomerGroups.RootKey, Target = ClassificationTarget.Customer };
            var workPlacements = new ClassificationNode { Name = "Työssäoppimispaikat", Parent = groupsRoot, Target = ClassificationTarget.Customer };
            var socialCare = new ClassificationNode { Name = "Sosiaaliala", Parent = workPlacements, Target = ClassificationTarget.Customer };
            var partners = new ClassificationNode { Name = "Kumppanit", Parent = groupsRoot, Target = ClassificationTarget.Customer };
            var roles = new ClassificationNode { Name = "Roolit", Target = ClassificationTarget.Contact };
            var decisionMaker = new ClassificationNode { Name = "Päättäjä", Parent = roles, Target = ClassificationTarget.Contact };
            var expert = new ClassificationNode { Name = "Asiantuntija", Parent = roles, Target = ClassificationTarget.Contact };
            db.ClassificationNodes.AddRange(groupsRoot, workPlacements, socialCare, partners, roles, decisionMaker, expert);
            await db.SaveChangesAsync();
            (WorkPlacements, SocialCare, Partners, DecisionMaker, Expert) = (workPlacements.Id, socialCare.Id, partners.Id, decisionMaker.Id, expert.Id);
        }

        EspoonKone = (await H.AddCustomerAsync("Espoon Kone Oy", municipalityCode: Espoo, segment: Segment.B, configure: c =>
            { c.SizeClass = 6; c.Revenue = 1_500_000.50m; c.IndustryCode = "28110"; })).Id;
        VantaanVari = (await H.AddCustomerAsync("Vantaan Väri Oy", municipalityCode: Vantaa, segment: Segment.C, configure: c =>
            { c.SizeClass = 3; c.IndustryCode = "47110"; })).Id;
        HelsinginSahko = (await H.AddCustomerAsync("Helsingin Sähkö Oy", municipalityCode: Helsinki, segment: Segment.A, configure: c =>
            { c.SizeClass = 0; c.Revenue = 200_000m; c.IndustryCode = "85320"; })).Id;
        Lopettanut = (await H.AddCustomerAsync("Lopettanut Oy", municipalityCode: Espoo, segment: Segment.B, passive: true, configure: c =>
            { c.SizeClass = 7; c.Revenue = 5_000_000m; c.IndustryCode = "28120"; })).Id;
        OulunOsaajat = (await H.AddCustomerAsync("Öljy ja Osaajat Oy", municipalityCode: null, segment: Segment.C)).Id;

        Aini = (await H.AddContactAsync(EspoonKone, "Äini", "Öhman", p => { p.Email = "Aini.Ohman@Example.FI"; p.Title = "MYYNTIPÄÄLLIKKÖ"; })).Id;
        Left = (await H.AddContactAsync(EspoonKone, "Lauri", "Lähtenyt", p => { p.Email = "lauri@example.fi"; p.HasLeft = true; p.Title = "Myyntipäällikkö"; })).Id;
        OptedOut = (await H.AddContactAsync(EspoonKone, "Olli", "Kieltäjä", p => { p.Email = "OLLI@EXAMPLE.FI"; p.NoMarketingEmail = true; })).Id;
        NoMail = (await H.AddContactAsync(EspoonKone, "Niina", "Postiton", p => p.Email = "")).Id;
        Bertta = (await H.AddContactAsync(VantaanVari, "Bertta", "Berg", p => { p.Email = "bertta@vari.fi"; p.Title = "Asiantuntija"; })).Id;
        Heikki = (await H.AddContactAsync(HelsinginSahko, "Heikki", "Häkkinen", p => { p.Email = "heikki@sahko.fi"; p.Title = "toimitusjohtaja"; })).Id;
        Pekka = (await H.AddContactAsync(Lopettanut, "Pekka", "Passiivinen", p => p.Email = "pekka@lopettanut.fi")).Id;
        Ella = (await H.AddContactAsync(OulunOsaajat, "Ella", "Tyhjä")).Id;

        await using (var db = H.Db())
        {
            var now = CoreHarness.Now.UtcDateTime;
            db.CustomerClassifications.AddRange(
                new CustomerClassification { CustomerId = EspoonKone, NodeId = SocialCare, AssignedAt = now },
                new CustomerClassification { CustomerId = VantaanVari, NodeId = Partners, AssignedAt = now },
                new CustomerClassification { CustomerId = HelsinginSahko, NodeId = WorkPlacements, AssignedAt = now },
                new CustomerClassification { CustomerId = HelsinginSahko, NodeId = Partners, AssignedAt = now },
                new CustomerClassification { CustomerId = Lopettanut, NodeId = WorkPlacements, AssignedAt = now });
            db.ContactClassifications.AddRange(
                new ContactClassification { ContactId = Aini, NodeId = DecisionMaker, AssignedAt = now },
                new ContactClassification { ContactId = OptedOut, NodeId = DecisionMaker, AssignedAt = now },
                new ContactClassification { ContactId = Left, NodeId = DecisionMaker, AssignedAt = now },
                new ContactClassification { ContactId = Bertta, NodeId = Expert, AssignedAt = now });
            db.CustomerResponsibles.Add(new Portaali.Core.Customers.CustomerResponsible { CustomerId = EspoonKone, UserId = Responsible.Id });

            db.Activities.AddRange(
                Activity(EspoonKone, Visit, new DateOnly(2025, 6, 1)),
                Activity(EspoonKone, Call, new DateOnly(2023, 1, 15)),
                Activity(VantaanVari, Visit, new DateOnly(2024, 2, 1)),
                Activity(HelsinginSahko, Call, new DateOnly(2026, 3, 1)),
                Activity(Lopettanut, Visit, new DateOnly(2026, 1, 5)));

            db.Offers.AddRange(
                Offer(EspoonKone, OfferType.Apprenticeship, OfferState.Accepted, new DateOnly(2025, 10, 1)),
                Offer(VantaanVari, OfferType.StaffTraining, OfferState.Open, new DateOnly(2025, 11, 1)),
                Offer(HelsinginSahko, OfferType.LabourPolicy, OfferState.Lost, new DateOnly(2024, 1, 10)));

            var seminar = new Campaign { Name = "Kevätseminaari", OwnerUserId = Responsible.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
            var mailing = new Campaign { Name = "Syyskirje", Kind = CampaignKind.Mailing, OwnerUserId = Responsible.Id, CreatedAtUtc = now, UpdatedAtUtc = now };
            seminar.Members.AddRange([
                Member(Aini, EspoonKone, CampaignStep.Absent), Member(Bertta, VantaanVari, CampaignStep.Attended),
                Member(Heikki, HelsinginSahko, CampaignStep.Invited), Member(Left, EspoonKone, CampaignStep.Attended)]);
            mailing.Members.Add(Member(Heikki, HelsinginSahko, CampaignStep.Registered));
            db.Campaigns.AddRange(seminar, mailing);
            await db.SaveChangesAsync();
            (SpringSeminar, AutumnMailing) = (seminar.Id, mailing.Id);
        }

        Activity Activity(int customerId, int typeId, DateOnly date) => new()
        {
            CustomerId = customerId, ActivityTypeId = typeId, Title = "Tapaaminen", LocalDate = date,
            StartsAtUtc = date.ToDateTime(new TimeOnly(8, 0)), CreatedByUserId = Responsible.Id,
            CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime, Status = ActivityStatus.Done,
        };
        Offer Offer(int customerId, OfferType type, OfferState state, DateOnly on) => new()
        {
            CustomerId = customerId, AccountManagerId = Responsible.Id, Type = type, State = state, Title = "Tarjous",
            OfferedOn = on, ValidUntil = on.AddDays(30), CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        CampaignMember Member(int contactId, int customerId, CampaignStep step) => new()
        {
            ContactId = contactId, CustomerId = customerId, Step = step, AddedAtUtc = CoreHarness.Now.UtcDateTime,
            StepChangedAtUtc = CoreHarness.Now.UtcDateTime,
        };
    }

    /// <summary>Activity types seeded by the migrations.</summary>
    public const int Visit = 5, Call = 11;

    public static CriteriaGroup And(params Criterion[] children) => new() { Operator = GroupOperator.And, Children = [.. children] };
    public static CriteriaGroup Or(params Criterion[] children) => new() { Operator = GroupOperator.Or, Children = [.. children] };
    public static T Not<T>(T criterion) where T : Criterion { criterion.Negated = true; return criterion; }

    /// <summary>The members' names as the list shows them (customer names, or contact names for a contact target),
    /// checked against the count.</summary>
    public async Task<string[]> NamesAsync(SelectionDefinition definition)
    {
        var preview = await Engine.PreviewAsync(definition, pageSize: 100);
        var names = preview.FirstPage.Select(m => m.ContactName ?? m.CustomerName).ToArray();
        Assert.Equal(preview.Count, names.Length);
        return names;
    }

    public Task<string[]> CustomersAsync(params Criterion[] criteria) =>
        NamesAsync(new SelectionDefinition(SelectionTarget.Customers, And(criteria)));

    public Task<string[]> ContactsAsync(params Criterion[] criteria) =>
        NamesAsync(new SelectionDefinition(SelectionTarget.Contacts, And(criteria)));

    public Task DisposeAsync() => H.DisposeAsync().AsTask();
}
