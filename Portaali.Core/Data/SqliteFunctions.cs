using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portaali.Core.Customers;

namespace Portaali.Core.Data;

/// <summary>
/// C# rules that migrations need inside SQLite: <c>portaali_comparable_name(name)</c> is
/// <see cref="CustomerRules.ComparableName"/>, so migration <c>CustomerNameSearch</c> fills the stored comparable names of
/// existing customers exactly as the app computes them for new ones. Registered on the connection before each statement
/// that changes data (migrations run as such statements), whether EF Core opened the connection or was handed it open.
/// </summary>
public sealed class SqliteFunctions : DbCommandInterceptor
{
    public static readonly SqliteFunctions Instance = new();

    public const string ComparableName = "portaali_comparable_name";

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Register(command.Connection);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Register(command.Connection);
        return ValueTask.FromResult(result);
    }

    private static void Register(DbConnection? connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateFunction(ComparableName, (string? name) => name is null ? null : CustomerRules.ComparableName(name), isDeterministic: true);
    }
}
