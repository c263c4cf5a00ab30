namespace Portaali.Core.Imports;

/// <summary>Where an import's rows come from.</summary>
public enum ImportSource { PrhApi, PrhBulk, BusinessInfoCsv, WorkPlacementCsv }

public enum ImportMode { DryRun, Apply }

public enum ImportTrigger { Scheduled, Manual }

public enum ImportStatus { Queued, Running, Succeeded, CompletedWithErrors, Failed, Interrupted }

/// <summary>One run of an import: the lasting record of what a job did, kept in our database because Hangfire's
/// in-memory storage forgets everything at restart.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public ImportSource Source { get; set; }
    public ImportMode Mode { get; set; }
    public ImportTrigger Trigger { get; set; }
    public ImportStatus Status { get; set; }
    public int? StartedByUserId { get; set; }
    public string StartedByName { get; set; } = "";
    /// <summary>The file's name as the user or the folder gave it.</summary>
    public string? FileName { get; set; }
    /// <summary>Where the file is kept on the server, so a dry run can be applied and a broken run resumed.</summary>
    public string? FilePath { get; set; }
    /// <summary>SHA-256 of the file: an interrupted run is resumed only on the very same file.</summary>
    public string? FileHash { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Rows to process when known beforehand; the progress bar's full length.</summary>
    public int? Total { get; set; }
    public int Done { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Rows rejected with a reason: invalid (a wrong check digit, a non-number) or not applicable (no such customer).</summary>
    public int Failed { get; set; }
    /// <summary>Rows whose key (Business ID, TOP number) an earlier row of the same file already had; each is also a rejected row.</summary>
    public int Duplicates { get; set; }
    /// <summary>Records passed over on purpose: in PRH's bulk file, the companies that are not our customers.</summary>
    public int Skipped { get; set; }
    /// <summary>Rows an interrupted run of the same file had already committed, passed over by this resumed run.</summary>
    public int Resumed { get; set; }
    /// <summary>The position (line, record number or customer id) of the last row whose batch was committed.</summary>
    public long Checkpoint { get; set; }
    public int? ResumedFromRunId { get; set; }
    /// <summary>The dry run this apply run carries out.</summary>
    public int? DryRunId { get; set; }
    public string? Message { get; set; }
    /// <summary>The app instance the run depends on: the one carrying it out, or, while it is queued in an instance's
    /// memory (in-memory job storage), the one that queued it. Null for a run queued in lasting job storage.</summary>
    public string? InstanceId { get; set; }
}

/// <summary>A row the import could not take, with its line and the reason in the user's words.</summary>
public class ImportRowError
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public long Line { get; set; }
    public string? Key { get; set; }
    public required string Message { get; set; }
}

public enum ImportChangeKind { Create, Update }

/// <summary>A customer the run created or changed (or would, in a dry run), with its fields old → new as JSON.</summary>
public class ImportChange
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public long Line { get; set; }
    public int? CustomerId { get; set; }
    public required string CustomerName { get; set; }
    public ImportChangeKind Kind { get; set; }
    public string Changes { get; set; } = "[]";
}

/// <summary>One column of the business-information CSV mapped to a customer field; kept by administrators.</summary>
public class ImportFieldMapping
{
    public int Id { get; set; }
    public ImportSource Source { get; set; }
    public required string Column { get; set; }
    public ImportField Field { get; set; }
    /// <summary>False: the import only fills the field when it is empty, so people's own entries win.</summary>
    public bool Overwrite { get; set; }
}

/// <summary>Company facts from the registers and business-information services that the customer record has no field for.</summary>
public class CompanyProfile
{
    public int CustomerId { get; set; }
    /// <summary>PRH's lastModified of the record last taken in; an unchanged record is skipped.</summary>
    public DateTime? RegistryLastModified { get; set; }
    public DateOnly? RegistrationDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>The register's main line of business, in its own code set (<see cref="IndustryCodeSet"/>). It is kept
    /// apart from <see cref="Customers.Customer.IndustryCode"/>, which is a TOL 2008 code: PRH's codes are not all TOL 2008.</summary>
    public string? MainLineCode { get; set; }
    /// <summary>The code set of <see cref="MainLineCode"/>: TOIMI (TOL 1995), TOIMI2 (TOL 2002), TOIMI3 (TOL 2008), TOIMI4 (TOL 2025).</summary>
    public string? IndustryCodeSet { get; set; }
    /// <summary>The description of <see cref="MainLineCode"/>.</summary>
    public string? IndustryDescription { get; set; }
    /// <summary>Open company situations, e.g. "KONK 2025-11-03; SANE 2024-02-01".</summary>
    public string? Situations { get; set; }
    public string? FormerNames { get; set; }
    public int? Headcount { get; set; }
    /// <summary>When a PRH/YTJ record was last taken in; the customer page shows it as "updated from YTJ".</summary>
    public DateTime? UpdatedAt { get; set; }
}
