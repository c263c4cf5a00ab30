using Microsoft.EntityFrameworkCore;
using Portaali.Core.Activities;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Offers;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>Contacts and orders written straight to the database, dated in Helsinki, for the RFM tests.</summary>
internal static class RfmTestData
{
    public static async Task<int> SellerAsync(this CoreHarness h)
    {
        await using var db = h.Db();
        var seller = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Group == UserGroup.AccountManager);
        return seller?.Id ?? (await h.CreateUserAsync(UserGroup.AccountManager, "Myyjä Testaaja")).Id;
    }

    public static async Task AddContactAsync(this CoreHarness h, int customerId, DateOnly on, string typeKey = ActivityReferenceData.Call,
        ActivityStatus status = ActivityStatus.Done)
    {
        var seller = await h.SellerAsync();
        await using var db = h.Db();
        var typeId = await db.ActivityTypes.Where(t => t.SystemKey == typeKey).Select(t => t.Id).SingleAsync();
        var week = IsoWeek.Of(on);
        db.Activities.Add(new Activity
        {
            CustomerId = customerId, ActivityTypeId = typeId, Title = typeKey + " " + on, Status = status,
            StartsAtUtc = HelsinkiTime.ToUtc(on, new TimeOnly(10, 0)), LocalDate = on, IsoYear = week.Year, IsoWeek = week.Week,
            DurationMinutes = 30, CreatedByUserId = seller, CreatedByName = "Myyjä", CreatedAtUtc = CoreHarness.Now.UtcDateTime,
            UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A contact every <paramref name="everyDays"/> days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task AddContactsAsync(this CoreHarness h, int customerId, DateOnly from, DateOnly to, int everyDays)
    {
        for (var day = from; day <= to; day = day.AddDays(everyDays)) await h.AddContactAsync(customerId, day);
    }

    public static async Task AddOrderAsync(this CoreHarness h, int customerId, DateOnly on, decimal euros)
    {
        var seller = await h.SellerAsync();
        var cents = Money.ToCents(euros);
        await using var db = h.Db();
        var offer = new Offer
        {
            CustomerId = customerId, AccountManagerId = seller, Type = OfferType.StaffTraining, State = OfferState.Accepted,
            Title = "Koulutus " + on, OfferedOn = on, ValidUntil = on.AddDays(30), DecidedOn = on, TotalExVatCents = cents,
            CreatedAtUtc = CoreHarness.Now.UtcDateTime, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        offer.Order = new Order
        {
            Offer = offer, CustomerId = customerId, AccountManagerId = seller, Type = offer.Type, TotalExVatCents = cents,
            State = OrderState.AwaitingDelivery, OrderedOn = on, UpdatedAtUtc = CoreHarness.Now.UtcDateTime,
        };
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
    }
}
