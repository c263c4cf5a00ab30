using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Portaali.Core.Users;
using Portaali.Web.Components.Layout;

namespace Portaali.Tests.Components.Layout;

/// <summary>An unexpected exception in a page costs the user that page, not the session: the layout stays and says so.</summary>
public class PageErrorBoundaryTests : ComponentHarness
{
    private const string PageErrorText = "Tällä sivulla tapahtui odottamaton virhe.";
    private readonly RecordingLoggerProvider logs = new();

    public PageErrorBoundaryTests() => Services.AddLogging(logging => logging.AddProvider(logs));

    private IRenderedComponent<MainLayout> RenderLayoutWith<TPage>() where TPage : IComponent =>
        Render<MainLayout>(p => p.Add(l => l.Body, Page<TPage>()));

    private static RenderFragment Page<TPage>() where TPage : IComponent => builder =>
    {
        builder.OpenComponent<TPage>(0);
        builder.CloseComponent();
    };

    [Fact]
    public async Task An_exception_in_a_click_handler_shows_a_message_in_place_of_the_page_and_the_app_bar_and_menu_stay()
    {
        await SignInAsync(UserGroup.AccountManager, "Maija Myyjä");
        var layout = RenderLayoutWith<FailingPage>();

        await layout.Find("[data-testid=fail]").ClickAsync(new MouseEventArgs());

        var message = layout.WaitForElement("[data-testid=page-error]");
        Assert.Contains(PageErrorText, message.TextContent);
        Assert.Contains("Yritä uudelleen", message.TextContent);
        Assert.Contains("Lataa uudelleen", message.TextContent);
        Assert.Empty(layout.FindAll("[data-testid=fail]"));
        Assert.NotEmpty(layout.FindAll("header [data-testid=sign-out]"));
        Assert.NotEmpty(layout.FindAll(".mud-drawer a.mud-nav-link[href='/calendar']"));
        var darkMode = layout.Find("[data-testid=dark-mode]").OuterHtml;
        await layout.Find("[data-testid=dark-mode]").ClickAsync(new MouseEventArgs()); // the app bar still answers
        layout.WaitForAssertion(() => Assert.NotEqual(darkMode, layout.Find("[data-testid=dark-mode]").OuterHtml));
    }

    [Fact]
    public async Task Try_again_renders_the_page_afresh_and_going_to_another_page_clears_the_message()
    {
        await SignInAsync(UserGroup.AccountManager);
        var layout = RenderLayoutWith<FailingPage>();
        await layout.Find("[data-testid=fail]").ClickAsync(new MouseEventArgs());
        layout.WaitForElement("[data-testid=page-error]");

        await layout.Find("[data-testid=page-error-try-again]").ClickAsync(new MouseEventArgs());

        layout.WaitForElement("[data-testid=fail]");
        Assert.Empty(layout.FindAll("[data-testid=page-error]"));

        await layout.Find("[data-testid=fail]").ClickAsync(new MouseEventArgs());
        layout.WaitForElement("[data-testid=page-error]");
        layout.Render(p => p.Add(l => l.Body, Page<OtherPage>())); // the router hands the layout the next page

        layout.WaitForElement("[data-testid=other-page]");
        Assert.Empty(layout.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task An_exception_in_a_dialog_opened_by_the_page_is_caught_as_well()
    {
        await SignInAsync(UserGroup.AccountManager);
        var layout = RenderLayoutWith<PageWithFailingDialog>();

        await layout.Find("[data-testid=open-dialog]").ClickAsync(new MouseEventArgs());
        await layout.WaitForElement("[data-testid=fail-in-dialog]").ClickAsync(new MouseEventArgs());

        Assert.Contains(PageErrorText, layout.WaitForElement("[data-testid=page-error]").TextContent);
        Assert.Empty(layout.FindAll("[data-testid=fail-in-dialog]"));
        Assert.NotEmpty(layout.FindAll("header [data-testid=sign-out]"));
    }

    [Fact]
    public async Task The_exception_is_logged_as_an_error_with_the_user_and_the_page()
    {
        await SignInAsync(UserGroup.AccountManager, "Maija Myyjä");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/customers/42");
        var layout = RenderLayoutWith<FailingPage>();

        await layout.Find("[data-testid=fail]").ClickAsync(new MouseEventArgs());
        layout.WaitForElement("[data-testid=page-error]");

        var entry = Assert.Single(logs.Entries, e => e.Exception is FailingPage.Failure);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("Maija Myyjä", entry.Message);
        Assert.Contains("/customers/42", entry.Message);
    }

    private sealed class FailingPage : ComponentBase
    {
        public sealed class Failure() : InvalidOperationException("Something nobody expected");

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "fail");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => throw new Failure()));
            builder.AddContent(3, "Tallenna");
            builder.CloseElement();
        }
    }

    private sealed class OtherPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "h1");
            builder.AddAttribute(1, "data-testid", "other-page");
            builder.AddContent(2, "Kalenteri");
            builder.CloseElement();
        }
    }

    private sealed class PageWithFailingDialog : ComponentBase
    {
        [Inject] private IDialogService Dialogs { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "open-dialog");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => Dialogs.ShowAsync<FailingDialog>("Dialogi")));
            builder.CloseElement();
        }
    }

    private sealed class FailingDialog : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "fail-in-dialog");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => throw new FailingPage.Failure()));
            builder.CloseElement();
        }
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<LogEntry> entries = [];

        public IReadOnlyList<LogEntry> Entries { get { lock (entries) return entries.ToList(); } }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(RecordingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (provider.entries) provider.entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));
            }
        }
    }
}
