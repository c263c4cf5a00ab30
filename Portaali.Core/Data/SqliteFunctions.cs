using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portaali.Core.Customers;

namespace Portaali.Core.Data;

/// <summary>
/// C# rules that migrations need inside SQLite: <c>portaali_comparable_name(name)</c> is
/// <see cref="CustomerRules.ComparableName"/>, so migration <c>CustomerNameSearch</c> fills the stored comparable names of
/// existing customers exactly as the app computes them for new ones.
/// Registered once per connection: when EF Core opens it, or, for a connection EF Core was handed open, before its
/// first statement that changes data (migrations run as such statements). Microsoft.Data.Sqlite keeps the function
/// across the connection's later opens. Never while a reader is open on the connection: SQLite refuses to change a
/// function under active statements ("unable to delete/modify user-function"), which is what a streaming export
/// updating its progress between rows would hit.
/// </summary>
public sealed class SqliteFunctions : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteFunctions Instance = new();

    public const string ComparableName = "portaali_comparable_name";

    private static readonly ConditionalWeakTable<SqliteConnection, object> Registered = new();

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Register(command.Connection);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Register(command.Connection);
        return ValueTask.FromResult(result);
    }

    private static void Register(DbConnection? connection)
    {
        if (connection is not SqliteConnection sqlite || Registered.TryGetValue(sqlite, out _)) return;
        try
        {
            sqlite.CreateFunction(ComparableName, (string? name) => name is null ? null : CustomerRules.ComparableName(name), isDeterministic: true);
            Registered.AddOrUpdate(sqlite, sqlite);
        }
        catch (SqliteException)
        {
            // Only migrations call the function: a statement of the app's own never fails because it could not be added
            // now (SQLite refuses while a reader is open); the next statement on this connection tries again.
        }
    }
}
