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
        Type(1, "Asiakaspalaute", "Customer feedback", Feedback, "#c62828", true),
        Type(2, "Asiakkuustyö", "Customer work", CustomerWork, "#1565c0", true),
        Type(3, "Kokous (kv tai kansallinen)", "Meeting (international or national)", Meeting, "#6a1b9a", false),
        Type(4, "Koulutus", "Training", Training, "#00838f", false),
        Type(5, "Käynti", "Visit", Visit, "#2e7d32", true),
        Type(6, "Memo", "Memo", Memo, "#546e7a", false),
        Type(7, "Ohjausryhmä", "Steering group", SteeringGroup, "#4527a0", false),
        Type(8, "Projektityö", "Project work", ProjectWork, "#e65100", false),
        Type(9, "Seminaari", "Seminar", Seminar, "#ad1457", false),
        Type(10, "Sisäinen palaveri", "Internal meeting", InternalMeeting, "#6d4c41", false),
        Type(11, "Soitto", "Call", Call, "#0277bd", true),
        Type(12, "Suunnittelu", "Planning", Planning, "#827717", false),
        Type(13, "Sähköposti", "Email", Email, "#37474f", true),
        Type(14, "Työryhmä", "Working group", WorkingGroup, "#4e342e", false),
        Type(15, "Liidi", "Lead", Lead, "#b8860b", true),
    ];

    public static readonly ActivityKeyword[] Keywords =
    [
        new() { Id = 1, ActivityTypeId = 1, Name = "Positiivinen", NameEn = "Positive", SystemKey = PositiveFeedback },
        new() { Id = 2, ActivityTypeId = 1, Name = "Negatiivinen", NameEn = "Negative", SystemKey = NegativeFeedback, NeedsResolution = true },
        new() { Id = 3, ActivityTypeId = 5, Name = "Myyntikäynti", NameEn = "Sales visit" },
        new() { Id = 4, ActivityTypeId = 5, Name = "Asiakkuuden hoito", NameEn = "Account care" },
        new() { Id = 5, ActivityTypeId = 15, Name = "Koulutustarve", NameEn = "Training need" },
        new() { Id = 6, ActivityTypeId = 11, Name = "Tarjouksen seuranta", NameEn = "Offer follow-up" },
    ];

    public static readonly ActivityTemplate[] Templates =
    [
        new() { Id = 1, ActivityTypeId = 5, Name = "Käyntiraportti", Body = "Tavoite\n\n\nSovitut asiat\n",
            NameEn = "Visit report", BodyEn = "Goal\n\n\nAgreed\n" },
        new() { Id = 2, ActivityTypeId = 1, Name = "Palaute", Body = "Palautteen sisältö\n\n\nToimenpiteet\n",
            NameEn = "Feedback", BodyEn = "What the feedback says\n\n\nActions\n" },
        new() { Id = 3, ActivityTypeId = 10, Name = "Palaverimuistio", Body = "Asialista\n\n\nPäätökset\n",
            NameEn = "Meeting notes", BodyEn = "Agenda\n\n\nDecisions\n" },
    ];

    private static ActivityType Type(int id, string name, string nameEn, string key, string color, bool requiresCustomer) =>
        new() { Id = id, Name = name, NameEn = nameEn, SystemKey = key, Color = color, RequiresCustomer = requiresCustomer, SortOrder = id };
}
