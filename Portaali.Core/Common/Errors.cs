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

/// <summary>One page of a list and how many rows the whole list has. When <paramref name="TotalIsLowerBound"/> is set the
/// list was counted only up to <see cref="PagedCount.Cap"/> and has more than <paramref name="TotalCount"/> rows
/// ("over 1,000"): an exact count of hundreds of thousands of matches costs more than the page itself, and people
/// narrow the search instead of paging that far.</summary>
public record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsLowerBound = false);
