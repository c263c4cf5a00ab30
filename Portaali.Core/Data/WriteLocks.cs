using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Data;

/// <summary>Rules that read before they write and must see every other writer's result: the cap of five key accounts, one
/// care-plan check at a time.</summary>
public enum WriteLock : long
{
    KeyAccounts = 0x504F5254_0001,
    CarePlanCheck = 0x504F5254_0002,
}

/// <summary>
/// Serialises the writers of one rule for the rest of the current transaction. On SQLite nothing more is needed:
/// Microsoft.Data.Sqlite begins every transaction IMMEDIATE, so writers already queue for the database. PostgreSQL runs
/// transactions side by side (READ COMMITTED), on several app instances too, so two approvals at once could both count
/// four key accounts; a transaction-level advisory lock makes the second wait until the first commits or rolls back.
/// </summary>
public static class WriteLocks
{
    public static async Task SerialiseAsync(this PortaaliDbContext db, WriteLock writeLock, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"The {writeLock} lock is taken inside the transaction that saves the change.");
        if (db is PostgreSqlPortaaliDbContext)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(long)writeLock})", ct);
    }
}
