using System.Globalization;
using Portaali.Core.Calendar;
using Portaali.Core.Common;
using Portaali.Core.Offers;

namespace Portaali.Core.Sales;

/// <summary>Names the sales reports and their exports print, in the UI language.</summary>
public static class SalesText
{
    public static string TypeName(OfferType type) => type switch
    {
        OfferType.Apprenticeship => CoreText.Get("SalesTypeApprenticeship"),
        OfferType.LabourPolicy => CoreText.Get("SalesTypeLabourPolicy"),
        OfferType.StaffTraining => CoreText.Get("SalesTypeStaffTraining"),
        OfferType.ServiceOrder => CoreText.Get("SalesTypeServiceOrder"),
        _ => type.ToString(),
    };

    /// <summary>"tammikuu 2026" / "January 2026": the month in the UI language.</summary>
    public static string MonthName(int year, int month) =>
        new DateTime(year, month, 1).ToString("MMMM yyyy", CultureInfo.CurrentUICulture);

    /// <summary>The file name of an export: "laskutus-2026-03-10.xlsx".</summary>
    public static string FileName(string key, TimeProvider clock) =>
        $"{CoreText.Get(key)}-{HelsinkiTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";
}
