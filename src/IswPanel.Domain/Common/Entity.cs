namespace IswPanel.Domain.Common;

/// <summary>An entity with an opaque identifier that is created by the application, not the database.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
