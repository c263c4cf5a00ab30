using Microsoft.Extensions.Logging;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web;

/// <summary>Hangfire keeps one log provider per process; a stopped host's disposed logger factory must not make the
/// next host's job enqueuing throw (it did, once, in CI: "Cannot access a disposed object. Object name: 'LoggerFactory'").</summary>
public class HostLogProviderTests
{
    [Fact]
    public void A_logger_asked_for_after_the_host_stopped_is_silent_instead_of_throwing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HostLogProvider(factory);
        var before = provider.GetLogger("Hangfire.AutomaticRetryAttribute");
        factory.Dispose();

        var after = provider.GetLogger("Hangfire.AutomaticRetryAttribute");

        Assert.False(after.Log(Hangfire.Logging.LogLevel.Error, () => "lost", null));
        before.Log(Hangfire.Logging.LogLevel.Error, () => "still no exception", null);
    }

    [Fact]
    public void While_the_host_lives_its_loggers_write()
    {
        var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));

        new HostLogProvider(factory).GetLogger("Hangfire.Server").Log(Hangfire.Logging.LogLevel.Warn, () => "Worker stopped", null);

        Assert.Contains("Worker stopped", provider.Messages);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];
        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);
        public void Dispose() { }

        private sealed class Capturing(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Add(formatter(state, exception));
        }
    }
}
