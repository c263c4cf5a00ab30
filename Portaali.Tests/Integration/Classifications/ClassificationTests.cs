using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Common;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Classifications;

public class ClassificationTests : HarnessTest
{
    private const ClassificationTarget Customer = ClassificationTarget.Customer;

    private async Task<ClassificationTreeNode> FindAsync(int id)
    {
        static IEnumerable<ClassificationTreeNode> All(IEnumerable<ClassificationTreeNode> nodes) => nodes.SelectMany(n => All(n.Children).Prepend(n));
        return All(await H.Classifications.GetTreeAsync(Customer)).Single(n => n.Id == id);
    }

    [Theory]
    [InlineData(UserGroup.AccountManager)]
    [InlineData(UserGroup.Management)]
    public async Task Only_administrators_may_add_classifications(UserGroup group)
    {
        await H.SignInAsAsync(group);
        using var _ = UiCulture.Finnish();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => H.Classifications.AddNodeAsync(Customer, null, "Asiakasryhmät"));

        Assert.Equal("Sinulla ei ole oikeutta tähän toimintoon.", error.Message);
        Assert.Empty(await H.Classifications.GetTreeAsync(Customer));
    }

    [Theory]
    [InlineData(UserGroup.Administrator)]
    [InlineData(UserGroup.DeputyAdministrator)]
    public async Task Administrator_adds_renames_and_moves_classifications(UserGroup group)
    {
        await H.SignInAsAsync(group);
        var groups = await H.Classifications.AddNodeAsync(Customer, null, "Asiakasryhmät");
        var marketing = await H.Classifications.AddNodeAsync(Customer, null, "Markkinointi");
        var authorities = await H.Classifications.AddNodeAsync(Customer, groups, "Viranomaiset");
        var seminar = await H.Classifications.AddNodeAsync(Customer, groups, "Syysseminaari");

        await H.Classifications.RenameAsync(seminar, "  Syysseminaari 2026 ");
        await H.Classifications.MoveAsync(seminar, marketing);

        var tree = await H.Classifications.GetTreeAsync(Customer);
        Assert.Equal(["Asiakasryhmät", "Markkinointi"], tree.Select(n => n.Name));
        Assert.Equal([authorities], tree[0].Children.Select(n => n.Id));
        var moved = Assert.Single(tree[1].Children);
        Assert.Equal((seminar, "Syysseminaari 2026", (int?)marketing), (moved.Id, moved.Name, moved.ParentId));
    }

    [Fact]
    public async Task Moved_node_becomes_a_root_when_given_no_parent()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var groups = await H.Classifications.AddNodeAsync(Customer, null, "Asiakasryhmät");
        var authorities = await H.Classifications.AddNodeAsync(Customer, groups, "Viranomaiset");

        await H.Classifications.MoveAsync(authorities, null);

        Assert.Equal(["Asiakasryhmät", "Viranomaiset"], (await H.Classifications.GetTreeAsync(Customer)).Select(n => n.Name));
    }

    [Fact]
    public async Task Node_cannot_move_under_itself_or_its_own_child()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();
        var workPlacement = await H.Classifications.AddNodeAsync(Customer, null, "Työssäoppimispaikat");
        var field = await H.Classifications.AddNodeAsync(Customer, workPlacement, "Toimiala");
        var grandChild = await H.Classifications.AddNodeAsync(Customer, field, "Kauppa ja hallinto");

        var underChild = await Assert.ThrowsAsync<DomainException>(() => H.Classifications.MoveAsync(workPlacement, grandChild));
        await Assert.ThrowsAsync<DomainException>(() => H.Classifications.MoveAsync(workPlacement, workPlacement));

        Assert.Equal("Luokitusta ei voi siirtää itsensä tai oman alaluokituksensa alle.", underChild.Message);
        Assert.Null((await FindAsync(workPlacement)).ParentId);
        Assert.Equal(workPlacement, (await FindAsync(field)).ParentId);
    }

    [Fact]
    public async Task Sibling_names_must_differ_regardless_of_case()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();
        var groups = await H.Classifications.AddNodeAsync(Customer, null, "Asiakasryhmät");
        await H.Classifications.AddNodeAsync(Customer, groups, "Viranomaiset");

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Classifications.AddNodeAsync(Customer, groups, "VIRANOMAISET"));

        Assert.Equal("Samalla tasolla on jo luokitus VIRANOMAISET.", error.Message);
        Assert.Single((await FindAsync(groups)).Children);
        // The same name under another parent is fine.
        await H.Classifications.AddNodeAsync(Customer, null, "Viranomaiset");
    }

    [Fact]
    public async Task Retired_node_cannot_be_assigned_but_customers_carrying_it_keep_it()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();
        var marketing = await H.Classifications.AddNodeAsync(Customer, null, "Markkinointi");
        var spring = await H.Classifications.AddNodeAsync(Customer, marketing, "Kevätseminaari 2025");
        var carrier = await H.AddCustomerAsync("Vantaan Leipomo Oy");
        var newcomer = await H.AddCustomerAsync("Espoon Sähkötyö Oy");
        await H.Classifications.AssignToCustomerAsync(carrier.Id, spring);

        await H.Classifications.SetRetiredAsync(spring, true);
        await H.SignInAsAsync(UserGroup.AccountManager);
        var error = await Assert.ThrowsAsync<DomainException>(() => H.Classifications.AssignToCustomerAsync(newcomer.Id, spring));

        Assert.Equal("Luokitus Kevätseminaari 2025 on poistettu käytöstä eikä sitä voi enää liittää.", error.Message);
        Assert.Empty((await H.Customers.GetAsync(newcomer.Id)).Classifications);
        var kept = Assert.Single((await H.Customers.GetAsync(carrier.Id)).Classifications);
        Assert.Equal(("Markkinointi › Kevätseminaari 2025", true), (kept.Path, kept.IsRetired));
    }

    [Fact]
    public async Task Retiring_a_parent_retires_its_children_and_a_child_cannot_be_restored_alone()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();
        var marketing = await H.Classifications.AddNodeAsync(Customer, null, "Markkinointi");
        var spring = await H.Classifications.AddNodeAsync(Customer, marketing, "Kevätseminaari 2025");
        var invited = await H.Classifications.AddNodeAsync(Customer, spring, "Kutsuttu");
        var autumn = await H.Classifications.AddNodeAsync(Customer, marketing, "Syysseminaari 2026");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        await H.Classifications.SetRetiredAsync(spring, true);

        Assert.True((await FindAsync(invited)).IsRetired);
        Assert.False((await FindAsync(autumn)).IsRetired);
        Assert.False((await FindAsync(marketing)).IsRetired);
        await Assert.ThrowsAsync<DomainException>(() => H.Classifications.AssignToCustomerAsync(customer.Id, invited));
        var error = await Assert.ThrowsAsync<DomainException>(() => H.Classifications.SetRetiredAsync(invited, false));
        Assert.Equal("Yläluokitus on poistettu käytöstä – palauta se ensin.", error.Message);

        await H.Classifications.SetRetiredAsync(spring, false);
        await H.Classifications.SetRetiredAsync(invited, false);
        await H.Classifications.AssignToCustomerAsync(customer.Id, invited);
        Assert.Equal("Markkinointi › Kevätseminaari 2025 › Kutsuttu", Assert.Single((await H.Customers.GetAsync(customer.Id)).Classifications).Path);
    }

    [Fact]
    public async Task Anyone_signed_in_assigns_and_removes_classifications_and_the_trail_shows_the_path()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        var groups = await H.Classifications.AddNodeAsync(Customer, null, "Asiakasryhmät");
        var authorities = await H.Classifications.AddNodeAsync(Customer, groups, "Viranomaiset");
        var customer = await H.AddCustomerAsync("Vantaan kaupunki, sivistystoimi");
        var user = await H.SignInAsAsync(UserGroup.ProjectOperations);

        await H.Classifications.AssignToCustomerAsync(customer.Id, authorities);
        await H.Classifications.AssignToCustomerAsync(customer.Id, authorities); // twice is harmless
        Assert.Equal("Asiakasryhmät › Viranomaiset", Assert.Single((await H.Customers.GetAsync(customer.Id)).Classifications).Path);

        await H.Classifications.RemoveFromCustomerAsync(customer.Id, authorities);
        Assert.Empty((await H.Customers.GetAsync(customer.Id)).Classifications);
        var trail = await H.Customers.GetAuditTrailAsync(customer.Id);
        Assert.Equal(["ClassificationRemoved", "ClassificationAdded"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal(user.DisplayName, a.UserName));
    }

    [Fact]
    public async Task Contact_classification_cannot_be_given_to_a_customer()
    {
        await H.SignInAsAsync(UserGroup.Administrator);
        using var _ = UiCulture.Finnish();
        var roles = await H.Classifications.AddNodeAsync(ClassificationTarget.Contact, null, "Yhteyshenkilön rooli");
        var customer = await H.AddCustomerAsync("Vantaan Leipomo Oy");

        var error = await Assert.ThrowsAsync<DomainException>(() => H.Classifications.AssignToCustomerAsync(customer.Id, roles));
        await Assert.ThrowsAsync<DomainException>(() => H.Classifications.AddNodeAsync(Customer, roles, "Päättäjä"));

        Assert.Equal("Luokitus kuuluu toiseen luokituspuuhun.", error.Message);
        await using var db = H.Db();
        Assert.False(await db.CustomerClassifications.AnyAsync());
    }
}
