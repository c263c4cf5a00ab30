using Microsoft.EntityFrameworkCore;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Desktops;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Desktops;

/// <summary>One migrated database for the class, made by its first test on the class's provider; each test makes its own
/// users, and the role-default tests each own a group.</summary>
public sealed class DesktopDatabase : IAsyncLifetime
{
    private Task? created;
    public CoreHarness H { get; private set; } = null!;
    public Task CreateOnceAsync(DatabaseProvider provider) => created ??= CreateAsync(provider);
    private async Task CreateAsync(DatabaseProvider provider) => H = await CoreHarness.CreateAsync(provider: provider);
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (H is not null) await H.DisposeAsync();
    }
}

public class DesktopServiceTests(DesktopDatabase database) : IClassFixture<DesktopDatabase>, IAsyncLifetime
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public Task InitializeAsync() => database.CreateOnceAsync(DatabaseProvider);

    public Task DisposeAsync() => Task.CompletedTask;

    private CoreHarness H => database.H;
    private DesktopService Desktops => H.Service<DesktopService>();

    private static string[] Keys(MyDesktop desktop) => [.. desktop.Layout.Widgets.Select(w => w.Key)];

    private async Task<AppUser> SignInNewAsync(UserGroup group)
    {
        var user = await H.CreateUserAsync(group);
        H.SignInAs(user);
        return user;
    }

    private async Task SaveRoleDefaultAsAdministratorAsync(UserGroup group, DesktopLayout layout, int expectedVersion)
    {
        await SignInNewAsync(UserGroup.Administrator);
        await Desktops.SaveRoleDefaultAsync(group, layout, expectedVersion);
    }

    [Fact]
    public async Task A_saved_layout_is_kept_with_its_order_and_sizes()
    {
        await SignInNewAsync(UserGroup.AccountManager);
        var start = await Desktops.GetMineAsync();
        Assert.False(start.IsCustomised);
        Assert.Null(start.Version);
        Assert.Equal([WidgetRegistry.MyWeek, WidgetRegistry.MyHours, WidgetRegistry.MyOpenActivities, WidgetRegistry.MyCustomers,
            WidgetRegistry.CarePlanBreaches, WidgetRegistry.Suggestions], Keys(start));

        // Move "my hours" first, make it whole-width and three rows high, drop the suggestions.
        var widgets = start.Layout.Widgets.ToList();
        var hours = widgets[1] with { Width = 12, Height = 3 };
        widgets.RemoveAt(1);
        widgets.Insert(0, hours);
        widgets.RemoveAt(widgets.Count - 1);
        var saved = await Desktops.SaveMineAsync(new DesktopLayout(widgets), start.Version);

        var reread = await Desktops.GetMineAsync();
        Assert.True(reread.IsCustomised);
        Assert.False(reread.NewerRoleDefault);
        Assert.Equal(saved.Version, reread.Version);
        Assert.Equal([WidgetRegistry.MyHours, WidgetRegistry.MyWeek, WidgetRegistry.MyOpenActivities, WidgetRegistry.MyCustomers,
            WidgetRegistry.CarePlanBreaches], Keys(reread));
        Assert.Equal((hours.Id, 12, 3), (reread.Layout.Widgets[0].Id, reread.Layout.Widgets[0].Width, reread.Layout.Widgets[0].Height));
    }

    [Fact]
    public async Task Reset_drops_the_copy_and_brings_back_the_role_default()
    {
        var user = await SignInNewAsync(UserGroup.AccountManager);
        var start = await Desktops.GetMineAsync();
        await Desktops.SaveMineAsync(new DesktopLayout([.. start.Layout.Widgets.Reverse()]), null);

        var reset = await Desktops.ResetMineAsync();

        Assert.False(reset.IsCustomised);
        Assert.Equal(Keys(start), Keys(reset));
        await using var db = H.Db();
        Assert.False(await db.UserDesktops.AnyAsync(d => d.UserId == user.Id));
    }

    [Fact]
    public async Task A_new_role_default_reaches_a_follower_at_once_and_a_customiser_is_told_until_they_keep_theirs()
    {
        const UserGroup group = UserGroup.PedagogicalManager;
        var follower = await SignInNewAsync(group);
        var customiser = await SignInNewAsync(group);
        var mine = await Desktops.GetMineAsync();
        var customised = new DesktopLayout([mine.Layout.Widgets[0] with { Width = 12 }]);
        await Desktops.SaveMineAsync(customised, null);

        var designed = new DesktopLayout([WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.NegativeFeedback)!),
            WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.MyProjects)!)]);
        await SaveRoleDefaultAsAdministratorAsync(group, designed, expectedVersion: 0);

        H.SignInAs(follower);
        var followed = await Desktops.GetMineAsync();
        Assert.Equal([WidgetRegistry.NegativeFeedback, WidgetRegistry.MyProjects], Keys(followed));
        Assert.False(followed.NewerRoleDefault);

        H.SignInAs(customiser);
        var told = await Desktops.GetMineAsync();
        Assert.True(told.NewerRoleDefault);
        Assert.Equal(customised, told.Layout);

        var kept = await Desktops.KeepMineAsync();
        Assert.False(kept.NewerRoleDefault);
        Assert.Equal(customised, kept.Layout);
        Assert.False((await Desktops.GetMineAsync()).NewerRoleDefault);

        // The next change to the default tells them again.
        await SaveRoleDefaultAsAdministratorAsync(group, new DesktopLayout([designed.Widgets[1]]), expectedVersion: 1);
        H.SignInAs(customiser);
        Assert.True((await Desktops.GetMineAsync()).NewerRoleDefault);
    }

    [Fact]
    public async Task The_role_default_records_who_designed_it_and_refuses_a_stale_version()
    {
        const UserGroup group = UserGroup.InnoOmnia;
        var admin = await SignInNewAsync(UserGroup.Administrator);
        var before = await Desktops.GetRoleDefaultAsync(group);
        Assert.False(before.IsDesigned);
        Assert.Equal(0, before.Version);

        var saved = await Desktops.SaveRoleDefaultAsync(group, new DesktopLayout([before.Layout.Widgets[0]]), 0);

        Assert.True(saved.IsDesigned);
        Assert.Equal(1, saved.Version);
        Assert.Equal(admin.DisplayName, saved.ChangedByName);
        Assert.Equal(CoreHarness.Now.UtcDateTime, saved.ChangedAtUtc);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desktops.SaveRoleDefaultAsync(group, before.Layout, 0));
        Assert.Single((await Desktops.GetRoleDefaultAsync(group)).Layout.Widgets);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_loses_nothing_saved()
    {
        await SignInNewAsync(UserGroup.ServiceOperations);
        var start = await Desktops.GetMineAsync();
        var first = await Desktops.SaveMineAsync(new DesktopLayout([start.Layout.Widgets[0]]), null);

        // A second tab still thinks the user follows the default, then one that loaded before the first save.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desktops.SaveMineAsync(start.Layout, null));
        var second = await Desktops.SaveMineAsync(new DesktopLayout([start.Layout.Widgets[1]]), first.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Desktops.SaveMineAsync(start.Layout, first.Version));

        var now = await Desktops.GetMineAsync();
        Assert.Equal(second.Version, now.Version);
        Assert.Equal([start.Layout.Widgets[1].Key], Keys(now));
    }

    [Fact]
    public async Task Sizes_keys_settings_and_duplicates_outside_the_rules_are_refused()
    {
        await SignInNewAsync(UserGroup.AccountManager);
        var week = WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.MyWeek)!);

        async Task<string> RefusedAsync(params WidgetPlacement[] widgets) =>
            (await Assert.ThrowsAsync<ValidationFailedException>(() => Desktops.SaveMineAsync(new DesktopLayout(widgets), null))).Message;

        Assert.Contains("4, 6, 8, 12", await RefusedAsync(week with { Width = 5 }));
        Assert.Contains("1–3", await RefusedAsync(week with { Height = 4 }));
        Assert.Contains("no-such-widget", await RefusedAsync(week with { Key = "no-such-widget" }));
        Assert.Contains("colour", await RefusedAsync(week with { Settings = new Dictionary<string, string> { ["colour"] = "red" } }));
        Assert.Contains("kahdesti", await RefusedAsync(week, week));
        Assert.Contains("24", await RefusedAsync([.. Enumerable.Range(0, 25).Select(_ => week with { Id = Guid.NewGuid() })]));
        Assert.False((await Desktops.GetMineAsync()).IsCustomised);
    }

    [Fact]
    public async Task Marketing_may_not_have_the_key_account_tracker_nor_everyones_breaches_in_their_own_or_their_roles_desktop()
    {
        await SignInNewAsync(UserGroup.SalesAndMarketing);
        var tracker = WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.KeyAccountTracker)!);
        var everyones = WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.CarePlanBreaches)!,
            new Dictionary<string, string> { [WidgetRegistry.ScopeSetting] = "all" });

        var available = await Desktops.AvailableWidgetsAsync();
        Assert.DoesNotContain(available, w => w.Key == WidgetRegistry.KeyAccountTracker);
        Assert.Equal(["mine"], available.Single(w => w.Key == WidgetRegistry.CarePlanBreaches).Settings.Single().Choices.Select(c => c.Value));
        await Assert.ThrowsAsync<ForbiddenException>(() => Desktops.SaveMineAsync(new DesktopLayout([tracker]), null));
        await Assert.ThrowsAsync<ForbiddenException>(() => Desktops.SaveMineAsync(new DesktopLayout([everyones]), null));
        Assert.False((await Desktops.GetMineAsync()).IsCustomised);

        await SignInNewAsync(UserGroup.Administrator);
        Assert.DoesNotContain(await Desktops.WidgetsForRoleAsync(UserGroup.SalesAndMarketing), w => w.Key == WidgetRegistry.KeyAccountTracker);
        Assert.Contains(await Desktops.WidgetsForRoleAsync(UserGroup.Management), w => w.Key == WidgetRegistry.KeyAccountTracker);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Desktops.SaveRoleDefaultAsync(UserGroup.SalesAndMarketing, new DesktopLayout([tracker]), 0));
        Assert.Contains(WidgetRegistry.KeyAccountTracker, refused.Message);
        Assert.False((await Desktops.GetRoleDefaultAsync(UserGroup.SalesAndMarketing)).IsDesigned);
    }

    [Fact]
    public async Task Only_administrators_design_role_defaults()
    {
        await SignInNewAsync(UserGroup.Management);
        await Assert.ThrowsAsync<ForbiddenException>(() => Desktops.GetRoleDefaultAsync(UserGroup.Management));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Desktops.SaveRoleDefaultAsync(UserGroup.Management, WidgetRegistry.DefaultFor(UserGroup.Management), 0));
    }

    [Fact]
    public async Task A_user_moved_to_another_group_loses_the_widgets_the_new_group_may_not_use_before_signing_in_again()
    {
        var user = await SignInNewAsync(UserGroup.Management);
        var mine = await Desktops.GetMineAsync();
        Assert.Contains(WidgetRegistry.KeyAccountTracker, Keys(mine));
        await Desktops.SaveMineAsync(new DesktopLayout([.. mine.Layout.Widgets.Reverse()]), null);

        // The administrator moves them; their sign-in still says management.
        await using (var db = H.Db())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Group, UserGroup.AccountManager));

        var moved = await Desktops.GetMineAsync();
        Assert.DoesNotContain(WidgetRegistry.KeyAccountTracker, Keys(moved));
        Assert.DoesNotContain(moved.Layout.Widgets, w => w.Setting(WidgetRegistry.ScopeSetting) == "all");
        Assert.False(moved.IsCustomised);
        Assert.DoesNotContain(await Desktops.AvailableWidgetsAsync(), w => w.Key == WidgetRegistry.KeyAccountTracker);
        await Assert.ThrowsAsync<ForbiddenException>(() => Desktops.SaveMineAsync(mine.Layout, moved.Version));

        // Their first save in the new group replaces the old copy.
        var saved = await Desktops.SaveMineAsync(new DesktopLayout([moved.Layout.Widgets[0]]), moved.Version);
        Assert.True(saved.IsCustomised);
    }

    [Fact]
    public async Task A_setting_the_user_may_no_longer_choose_falls_back_to_its_default()
    {
        var user = await SignInNewAsync(UserGroup.CustomerRelationshipManager);
        var everyones = WidgetPlacement.New(WidgetRegistry.Find(WidgetRegistry.CarePlanBreaches)!,
            new Dictionary<string, string> { [WidgetRegistry.ScopeSetting] = "all" });
        await Desktops.SaveMineAsync(new DesktopLayout([everyones]), null);
        Assert.Equal("all", (await Desktops.GetMineAsync()).Layout.Widgets[0].Setting(WidgetRegistry.ScopeSetting));

        // A copy in the group the user now has, with a choice that group may not make (as a narrowed policy would leave it).
        await using (var db = H.Db())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Group, UserGroup.AccountManager));
        await using (var db = H.Db())
            await db.UserDesktops.Where(d => d.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Group, UserGroup.AccountManager));

        var now = await Desktops.GetMineAsync();
        var breaches = Assert.Single(now.Layout.Widgets);
        Assert.Equal("mine", breaches.Setting(WidgetRegistry.ScopeSetting));
    }
}
