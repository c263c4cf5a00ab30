using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portaali.Core.Selections;
using static Microsoft.Playwright.Assertions;

namespace Portaali.Tests.Browser;

/// <summary>An account manager opens her e-mail list, adds a contact by searching and removes one she ticked.</summary>
[Collection(BrowserCollection.Name)]
public class StaticListJourneyTests(PortaaliServer server)
{
    [Fact]
    public async Task The_owner_adds_a_contact_by_search_and_removes_a_ticked_one()
    {
        int listId;
        string addedName;
        await using (var db = server.OpenDb())
        {
            var owner = await db.Users.SingleAsync(u => u.DisplayName == "Minna Lehtonen");
            var contacts = await db.Contacts.Where(p => !p.HasLeft && !p.Customer!.IsPassive && p.Email != null && !p.NoMarketingEmail)
                .OrderBy(p => p.Id).Take(3).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync();
            var list = new Selection
            {
                Name = "Kevään kutsulista", Kind = SelectionKind.Static, Target = SelectionTarget.Contacts, Purpose = SelectionPurpose.Email,
                OwnerUserId = owner.Id, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = owner.DisplayName,
                Members = contacts.Take(2).Select(c => new StaticListMember { MemberId = c.Id, AddedAtUtc = DateTime.UtcNow }).ToList(),
            };
            db.Selections.Add(list);
            await db.SaveChangesAsync();
            listId = list.Id;
            addedName = contacts[2].Name;
        }
        var page = await server.SignInAsync("Minna Lehtonen");
        await page.GotoAsync($"/lists/{listId}");
        await PortaaliServer.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("list-name")).ToHaveTextAsync("Kevään kutsulista");
        var rows = page.GetByTestId("list-members").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);

        await page.Locator("#list-add").FillAsync(addedName);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = addedName }).First.ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("list-counts")).ToContainTextAsync("3 jäsentä");

        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync(); // waits until the closing search list no longer covers the row
        await Expect(page.GetByTestId("list-remove")).ToHaveTextAsync("Poista valitut (1)");
        await page.GetByTestId("list-remove").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("list-counts")).ToContainTextAsync("2 jäsentä");
        await using (var db = server.OpenDb())
            Assert.Equal(2, await db.StaticListMembers.CountAsync(m => m.SelectionId == listId));
    }
}
