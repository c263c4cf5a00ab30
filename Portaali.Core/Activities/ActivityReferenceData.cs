namespace Portaali.Core.Activities;

/// <summary>The 15 activity types of the thesis, their keywords and templates: migration seed data, so every database has them.</summary>
public static class ActivityReferenceData
{
    public const string Feedback = "feedback", CustomerWork = "customer-work", Meeting = "meeting", Training = "training",
        Visit = "visit", Memo = "memo", SteeringGroup = "steering-group", ProjectWork = "project-work", Seminar = "seminar",
        InternalMeeting = "internal-meeting", Call = "call", Planning = "planning", Email = "email", WorkingGroup = "working-group",
        Lead = "lead";

    public const string PositiveFeedback = "feedback.positive", NegativeFeedback = "feedback.negative";

    /// <summary>Meeting keywords the care plans and the scorecard count by: a review with the college's management, a
    /// co-development meeting. Not migration seed data (an installation may already use the ids): ensured by
    /// <see cref="SystemKey"/> at start-up.</summary>
    public const string ManagementReview = "meeting.management-review", CoDevelopment = "meeting.co-development";

    public static readonly ActivityType[] Types =
    [
        Type(1, "Asiakaspalaute", Feedback, "#c62828", true),
        Type(2, "Asiakkuustyö", CustomerWork, "#1565c0", true),
        Type(3, "Kokous (kv tai kansallinen)", Meeting, "#6a1b9a", false),
        Type(4, "Koulutus", Training, "#00838f", false),
        Type(5, "Käynti", Visit, "#2e7d32", true),
        Type(6, "Memo", Memo, "#546e7a", false),
        Type(7, "Ohjausryhmä", SteeringGroup, "#4527a0", false),
        Type(8, "Projektityö", ProjectWork, "#e65100", false),
        Type(9, "Seminaari", Seminar, "#ad1457", false),
        Type(10, "Sisäinen palaveri", InternalMeeting, "#6d4c41", false),
        Type(11, "Soitto", Call, "#0277bd", true),
        Type(12, "Suunnittelu", Planning, "#827717", false),
        Type(13, "Sähköposti", Email, "#37474f", true),
        Type(14, "Työryhmä", WorkingGroup, "#4e342e", false),
        Type(15, "Liidi", Lead, "#b8860b", true),
    ];

    public static readonly ActivityKeyword[] Keywords =
    [
        new() { Id = 1, ActivityTypeId = 1, Name = "Positiivinen", SystemKey = PositiveFeedback },
        new() { Id = 2, ActivityTypeId = 1, Name = "Negatiivinen", SystemKey = NegativeFeedback, NeedsResolution = true },
        new() { Id = 3, ActivityTypeId = 5, Name = "Myyntikäynti" },
        new() { Id = 4, ActivityTypeId = 5, Name = "Asiakkuuden hoito" },
        new() { Id = 5, ActivityTypeId = 15, Name = "Koulutustarve" },
        new() { Id = 6, ActivityTypeId = 11, Name = "Tarjouksen seuranta" },
    ];

    public static readonly ActivityTemplate[] Templates =
    [
        new() { Id = 1, ActivityTypeId = 5, Name = "Käyntiraportti", Body = "Tavoite\n\n\nSovitut asiat\n" },
        new() { Id = 2, ActivityTypeId = 1, Name = "Palaute", Body = "Palautteen sisältö\n\n\nToimenpiteet\n" },
        new() { Id = 3, ActivityTypeId = 10, Name = "Palaverimuistio", Body = "Asialista\n\n\nPäätökset\n" },
    ];

    private static ActivityType Type(int id, string name, string key, string color, bool requiresCustomer) =>
        new() { Id = id, Name = name, SystemKey = key, Color = color, RequiresCustomer = requiresCustomer, SortOrder = id };
}
