namespace Portaali.Core.Users;

public class AppUser
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    public UserGroup Group { get; set; }
    public bool IsActive { get; set; } = true;
    public bool PrefersDarkMode { get; set; }
    /// <summary>Entra ID object id, filled on the first Entra sign-in.</summary>
    public string? ExternalObjectId { get; set; }
}

public class Favourite
{
    public int UserId { get; set; }
    public int CustomerId { get; set; }
    public DateTime AddedAt { get; set; }
}
