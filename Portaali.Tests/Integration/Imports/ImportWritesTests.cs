using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portaali.Core.Auditing;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Imports;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Imports;

/// <summary>The import batches' prepared writes store what EF Core would store and read back, touch only the columns that
/// changed, keep the customer's version guard, and report a refused row as a save failure.</summary>
public class ImportWritesTests : IAsyncLifetime
{
    private CoreHarness h = null!;

    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => h = await CoreHarness.CreateAsync(provider: DatabaseProvider);

    /// <summary>A trigger, in the test's uncommitted transaction, that refuses <paramref name="writes"/> (<c>INSERT ON "X"</c>)
    /// with <paramref name="message"/>.</summary>
    private async Task RefuseAsync(PortaaliDbContext db, string name, string writes, string message)
    {
        // Names and messages are the test's own constants.
        var sql = h.Provider == DatabaseProvider.Sqlite
            ? $"CREATE TEMP TRIGGER {name} BEFORE {writes} BEGIN SELECT RAISE(ABORT, '{message}'); END"
            : $"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$; " +
              $"CREATE TRIGGER {name} BEFORE {writes} FOR EACH ROW EXECUTE FUNCTION {name}()";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static async Task<Customer> ReadDetachedAsync(Portaali.Core.Data.PortaaliDbContext db, int id) =>
        await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);

    [Fact]
    public async Task Rows_written_read_back_as_EF_Core_wrote_them()
    {
        var stored = await h.AddCustomerAsync("Vanha Nimi Oy", "1234567-1");
        var version = Guid.NewGuid();
        await using (var db = h.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using var writes = new ImportWrites(db);
            var customer = await ReadDetachedAsync(db, stored.Id);
            var asRead = writes.Snapshot(customer);
            customer.Name = "Uusi Nimi Oy";
            customer.NameSearch = CustomerRules.SearchForm(customer.Name);
            customer.Revenue = 1234567.5m;
            customer.SizeClass = 4;
            customer.VisitingAddress = new Address { Street = "Mäkitie 3", PostalCode = "00100", City = "Helsinki" };
            customer.Version = version;
            await writes.UpdateAsync(customer, asRead, default);
            await writes.InsertAsync(new CompanyProfile
            {
                CustomerId = stored.Id, RegistryLastModified = new DateTime(2026, 3, 1, 8, 0, 0), RegistrationDate = new DateOnly(2010, 1, 1),
                MainLineCode = "62010", Headcount = 12, UpdatedAt = CoreHarness.Now.UtcDateTime,
            }, default);
            await writes.InsertAsync(new ImportChange { RunId = await RunAsync(db), Line = 7, CustomerId = stored.Id, CustomerName = "Uusi Nimi Oy",
                Kind = ImportChangeKind.Update, Changes = "[]" }, default);
            await writes.InsertAsync(new AuditEntry { At = CoreHarness.Now.UtcDateTime, UserName = "PRH", CustomerId = stored.Id, EntityType = "Customer",
                EntityId = stored.Id, Action = "Imported", Changes = "[]" }, default);
            Assert.Equal(4, writes.Count);
            await tx.CommitAsync();
        }

        await using var check = h.Db();
        var after = await ReadDetachedAsync(check, stored.Id);
        Assert.Equal(("Uusi Nimi Oy", CustomerRules.SearchForm("Uusi Nimi Oy"), CustomerRules.ComparableName("Uusi Nimi Oy")),
            (after.Name, after.NameSearch, after.ComparableName));
        Assert.Equal((1234567.5m, 4, version, "Mäkitie 3", "00100"), (after.Revenue, after.SizeClass, after.Version, after.VisitingAddress.Street, after.VisitingAddress.PostalCode));
        Assert.Equal(stored.BusinessId, after.BusinessId);
        var profile = await check.CompanyProfiles.AsNoTracking().SingleAsync(p => p.CustomerId == stored.Id);
        Assert.Equal((new DateTime(2026, 3, 1, 8, 0, 0), new DateOnly(2010, 1, 1), "62010", 12), (profile.RegistryLastModified, profile.RegistrationDate, profile.MainLineCode, profile.Headcount));
        Assert.Equal(ImportChangeKind.Update, (await check.ImportChanges.AsNoTracking().SingleAsync()).Kind);
        // SQLite's name index (FTS5 trigram) followed the new name through its trigger; PostgreSQL's indexes the column itself.
        if (h.Provider != DatabaseProvider.Sqlite) return;
        async Task<List<long>> Found(string fragment) => await check.Database
            .SqlQueryRaw<long>("""SELECT rowid AS "Value" FROM "CustomerSearch" WHERE "CustomerSearch" MATCH {0}""", fragment).ToListAsync();
        Assert.Equal([stored.Id], await Found("uusi"));
        Assert.Empty(await Found("vanha"));
    }

    private static async Task<int> RunAsync(Portaali.Core.Data.PortaaliDbContext db)
    {
        var run = new ImportRun { Source = ImportSource.PrhBulk, Mode = ImportMode.Apply, Trigger = ImportTrigger.Manual, Status = ImportStatus.Running,
            StartedByName = "test", QueuedAt = CoreHarness.Now.UtcDateTime };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    [Fact]
    public async Task An_update_writes_only_the_changed_columns_and_nothing_when_nothing_changed()
    {
        var stored = await h.AddCustomerAsync("Sama Nimi Oy", "1234567-1");
        await using var db = h.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        // A trigger that refuses any write of the name shows whether the update touched it.
        await RefuseAsync(db, "no_name_write", "UPDATE OF \"Name\", \"NameSearch\" ON \"Customers\"", "the name was written");
        await using var writes = new ImportWrites(db);
        var customer = await ReadDetachedAsync(db, stored.Id);
        await writes.UpdateAsync(customer, writes.Snapshot(customer), default);
        Assert.Equal(0, writes.Count);

        var asRead = writes.Snapshot(customer);
        customer.Website = "https://www.sama.fi";
        customer.Name = "Sama Nimi Oy"; // set, but the same
        await writes.UpdateAsync(customer, asRead, default);
        Assert.Equal(1, writes.Count);
        Assert.Equal("https://www.sama.fi", (await ReadDetachedAsync(db, stored.Id)).Website);
    }

    [Fact]
    public async Task A_customer_edited_since_it_was_read_is_not_overwritten()
    {
        var stored = await h.AddCustomerAsync("Kilpailija Oy", "1234567-1");
        await using var db = h.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await using var writes = new ImportWrites(db);
        var customer = await ReadDetachedAsync(db, stored.Id);
        var asRead = writes.Snapshot(customer);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Customers" SET "Phone" = '040 123', "Version" = {1} WHERE "Id" = {0}""", stored.Id, Guid.NewGuid());

        customer.Phone = "09 555";
        customer.Version = Guid.NewGuid();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => writes.UpdateAsync(customer, asRead, default));
        Assert.Equal("040 123", await db.Database.SqlQueryRaw<string>("""SELECT "Phone" AS "Value" FROM "Customers" WHERE "Id" = {0}""", stored.Id).SingleAsync());
    }

    [Fact]
    public async Task A_write_the_database_refuses_is_a_save_failure_with_the_database_message()
    {
        var stored = await h.AddCustomerAsync("Torjuttu Oy", "1234567-1");
        await using var db = h.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await RefuseAsync(db, "refuse", "INSERT ON \"CompanyProfiles\"", "refused by the test");
        await using var writes = new ImportWrites(db);

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => writes.InsertAsync(new CompanyProfile { CustomerId = stored.Id }, default));
        Assert.IsType(h.Provider == DatabaseProvider.Sqlite ? typeof(SqliteException) : typeof(PostgresException), e.InnerException);
        Assert.Contains("refused by the test", e.InnerException!.Message);
    }
}
