using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IswPanel.Benchmarks.Infrastructure;

/// <summary>
/// Counts (and keeps) every SQL command EF Core sends while <see cref="Recording"/> is on, with the DbContext that sent
/// it: a sweep's find phase and each item run in scopes of their own, so the context (its instance and lease: the app pools its DbContexts) tells them apart.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public bool Recording { get; set; }

    public sealed record Entry(DbContextId ContextId, string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
    {
        /// <summary>The same command, parameters and all, on a plain connection (a raw ADO.NET baseline).</summary>
        public DbCommand On(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            foreach (var (name, value) in Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }

    public IReadOnlyList<Entry> Entries => [.. entries];

    public int Count => entries.Count;

    public void Clear() => entries.Clear();

    private void Add(DbCommand command, CommandEventData data)
    {
        if (!Recording) return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        entries.Enqueue(new Entry(data.Context?.ContextId ?? default, command.CommandText, parameters));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }
}
