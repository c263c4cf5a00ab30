using Portaali.Core.Activities;

namespace Portaali.Tests.Integration.Activities;

/// <summary>Seeded type and keyword ids (migration data) and a quick activity form for arranging tests.</summary>
internal static class ActivityTestData
{
    public const int Feedback = 1, Visit = 5, InternalMeeting = 10, Call = 11, Planning = 12, Email = 13;
    public const int Positive = 1, Negative = 2;

    public static ActivityEdit Edit(int typeId, int? customerId, string title, DateTime localStart, int minutes = 60,
        int[]? participants = null, int[]? contacts = null, int? keyword = null, string? memo = null, ActivityStatus? status = null) => new()
    {
        TypeId = typeId, CustomerId = customerId, Title = title, Date = localStart.Date, StartTime = localStart.TimeOfDay,
        DurationMinutes = minutes, ParticipantIds = [.. participants ?? []], ContactIds = [.. contacts ?? []], KeywordId = keyword,
        Memo = memo, Status = status,
    };
}
