namespace Portaali.Core.Common;

/// <summary>A rule of the domain refused the operation; the message is shown to the user as is.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The signed-in user lacks the policy the operation needs.</summary>
public class ForbiddenException(string message) : DomainException(message);

public class NotFoundException(string message) : DomainException(message);

/// <summary>Someone else saved the record after it was loaded; the user must reload.</summary>
public class ConcurrencyConflictException(string message) : DomainException(message);

public class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : DomainException(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

public record FieldError(string Field, string Message);

public record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
