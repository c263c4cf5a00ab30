using Portaali.Core.Data;

namespace Portaali.Tests.Integration.Offers;

// The offers again on PostgreSQL (a database of the test cluster each): offers, orders, products, attachments and documents.
// SQLite only: OfferAttachmentFolderTests (the attachments' default folder beside the SQLite file).

public class CustomerOffersTestsOnPostgreSql : CustomerOffersTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class OfferAttachmentTestsOnPostgreSql : OfferAttachmentTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class OfferDocumentTestsOnPostgreSql : OfferDocumentTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class OfferServiceTestsOnPostgreSql : OfferServiceTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}

public class ProductRegisterTestsOnPostgreSql : ProductRegisterTests
{
    protected override DatabaseProvider DatabaseProvider => DatabaseProvider.PostgreSql;
}
