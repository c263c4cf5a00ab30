using Portaali.Core.ServiceOrders;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.ServiceOrders;

/// <summary>A customer with an ordering contact, two deliverers and an order with every field filled.</summary>
internal sealed record ServiceOrderScene(int CustomerId, int ContactId, AppUser Janitor, AppUser Cook, ServiceOrderEdit Edit)
{
    public static async Task<ServiceOrderScene> ArrangeAsync(CoreHarness h)
    {
        var customer = await h.AddCustomerAsync("Rakennus Laine Oy");
        var contact = await h.AddContactAsync(customer.Id, "Tiina", "Tilaaja", c => c.Email = "Tiina.Tilaaja@RakennusLaine.fi");
        var janitor = await h.CreateUserAsync(UserGroup.ServiceOperations, "Vesa Vahtimestari");
        var cook = await h.CreateUserAsync(UserGroup.ServiceOperations, "Kaisa Keittiö");
        var edit = new ServiceOrderEdit
        {
            CustomerId = customer.Id, ContactId = contact.Id, Title = "Työturvallisuuspäivä <Laine & Co>",
            Date = new DateTime(2026, 4, 14), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(15, 30),
            Place = "Kampus, rakennus B", Rooms = "Auditorio B101\nRyhmätila B204", Materials = "Videotykki, fläppitaulu",
            Catering = "Aamukahvi 8.45, lounas 11.30 (3 gluteenitonta)", OtherGoods = "Nimikyltit", ParticipantCount = 45,
            Notes = "Pysäköinti pihalla", ExtraRecipients = "kuljetus@bussiyhtio.fi; KULJETUS@bussiyhtio.fi",
            Deliverers = new()
            {
                [ServiceOrderPart.Rooms] = [janitor.Id],
                [ServiceOrderPart.Catering] = [cook.Id],
                [ServiceOrderPart.Event] = [janitor.Id],
            },
        };
        return new ServiceOrderScene(customer.Id, contact.Id, janitor, cook, edit);
    }
}
