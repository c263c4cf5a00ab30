using System.Net;
using Portaali.Core.Users;

namespace Portaali.Tests.Web;

/// <summary>Addresses people type, bookmark or are sent: a parameter that does not fit gets a message or a safe default,
/// never a 500 and never a redirect to another site. A GET prerenders the page, so a failure shows as a 500 here.</summary>
/// <remarks>One app host for the class: the tests add the users they sign in as and only read.</remarks>
public class BadAddressTests(DemoSignInWebFactory factory) : IClassFixture<DemoSignInWebFactory>
{
    private async Task<string> PageAsync(string path, AppUser? user = null)
    {
        user ??= await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var response = await factory.ClientFor(user).GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}:\n{html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    [Fact]
    public async Task A_week_the_year_does_not_have_shows_the_nearest_week_and_says_so()
    {
        var html = await PageAsync("/hours?year=2027&week=53");
        Assert.Contains("Vuodessa 2027 ei ole viikkoa 53: näytetään lähin viikko, 52.", html);
        Assert.Contains("Viikko 52", html);

        var meeting = await PageAsync("/team-meeting?year=2027&week=53");
        Assert.Contains("Vuodessa 2027 ei ole viikkoa 53: näytetään lähin viikko, 52.", meeting);
    }

    [Theory]
    [InlineData("/hours?year=abc&week=1")]
    [InlineData("/hours?year=2027&week=-1")]
    [InlineData("/hours?year=99999&week=1")]
    [InlineData("/hours?week=12")]
    [InlineData("/team-meeting?year=2027&week=x")]
    public async Task An_unreadable_week_shows_the_current_week_and_says_so(string path) =>
        Assert.Contains("Osoitteen viikko ei kelpaa: näytetään kuluva viikko.", await PageAsync(path));

    [Theory]
    [InlineData("999999")]
    [InlineData("minna")]
    public async Task An_unknown_person_in_the_hours_address_shows_your_own_and_says_so(string user)
    {
        var html = await PageAsync($"/hours?user={user}");
        Assert.Contains("Osoitteen henkilöä ei löytynyt: näytetään omat tietosi.", html);
        Assert.Contains("Tehty yhteensä", html);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task A_colleagues_id_opens_their_hours_and_only_plain_digits_are_an_id(string ui)
    {
        var minna = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var janne = await factory.AddUserAsync("Janne Koskela", UserGroup.AccountManager);
        var client = factory.ClientFor(minna);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3Dfi-FI%7Cuic%3D{ui}");
        var notFound = ui == "fi" ? "Osoitteen henkilöä ei löytynyt" : "The person in the address";

        Assert.DoesNotContain(notFound, WebUtility.HtmlDecode(await client.GetStringAsync($"/hours?user={janne.Id}")));
        Assert.Contains(notFound, WebUtility.HtmlDecode(await client.GetStringAsync($"/hours?user=%2B{janne.Id}")));
        Assert.Contains(notFound, WebUtility.HtmlDecode(await client.GetStringAsync($"/hours?user=%20{janne.Id}")));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("tomorrow")]
    public async Task A_date_the_calendar_cannot_show_shows_today_and_says_so(string date) =>
        Assert.Contains("Osoitteen päivämäärä ei kelpaa: näytetään tämä päivä.", await PageAsync($"/calendar?date={date}"));

    [Fact]
    public async Task English_messages_for_bad_addresses()
    {
        var user = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var client = factory.ClientFor(user);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dfi-FI%7Cuic%3Den");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/hours?year=2027&week=53"));
        Assert.Contains("Year 2027 has no week 53: showing the nearest week, 52.", html);
        html = WebUtility.HtmlDecode(await client.GetStringAsync("/calendar?date=9999-12-31"));
        Assert.Contains("The date in the address is not valid: showing today.", html);
    }

    [Theory]
    [InlineData("/customers?mine=maybe&passive=1")]
    [InlineData("/customers?segment=7&municipality=xyz")]
    [InlineData("/calendar?users=a,b,999")]
    public async Task Odd_filters_fall_back_to_the_default_list(string path) => await PageAsync(path);

    [Theory]
    [InlineData("/%5cevil.com")]
    [InlineData("//evil.com")]
    [InlineData("/%5c/evil.com")]
    [InlineData("https://evil.com/")]
    [InlineData("/%09/evil.com")]
    public async Task Language_switch_never_redirects_off_site(string returnUrl)
    {
        var response = await factory.ClientFor(null).GetAsync($"/culture?ui=en&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Language_switch_keeps_a_local_return_address_and_tolerates_a_missing_language()
    {
        var response = await factory.ClientFor(null).GetAsync("/culture?ui=en&returnUrl=/calendar%3Fdate%3D2026-03-10");
        Assert.Equal("/calendar?date=2026-03-10", response.Headers.Location!.OriginalString);
        var missing = await factory.ClientFor(null).GetAsync("/culture");
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Equal("/", missing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_page_tolerates_odd_parameters_and_keeps_only_a_local_return_address()
    {
        var response = await factory.ClientFor(null).GetAsync("/signin?error=x&returnUrl=/%5cevil.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"returnUrl\" value=\"/\"", html);
    }

    [Fact]
    public async Task Demo_sign_in_with_an_off_site_return_address_lands_on_the_front_page()
    {
        var minna = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);
        var client = factory.ClientFor(null);
        var form = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/local-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = minna.Id.ToString(), ["returnUrl"] = "/\\evil.com", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
