using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portaali.Core.Data;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext,TResult}(System.Linq.Expressions.Expression{Func{TContext,TResult}})"/>)
/// per model. EF Core binds a compiled query to the model it first runs with, and SQLite's and PostgreSQL's contexts each
/// have a model of their own: a deployment runs one provider, but the tests run both in one process. Use
/// <c>Query.For(db)(db, …)</c>.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetOrAdd(db.Model, _ => compile());
}
