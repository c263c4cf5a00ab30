using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Portaali.Web.Setup;

/// <summary>Hangfire's log provider is process-wide (<c>GlobalConfiguration</c>), but the logger factory it wraps belongs
/// to one host. When a host stops and another starts in the same process (the test suite does this hundreds of times),
/// Hangfire would keep asking the stopped host's disposed factory — its <c>[AutomaticRetry]</c> attribute creates a
/// logger in its constructor, so enqueuing a job threw <see cref="ObjectDisposedException"/>. This provider asks the
/// host's factory while it lives and stays silent after it is gone.</summary>
public sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog log) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
