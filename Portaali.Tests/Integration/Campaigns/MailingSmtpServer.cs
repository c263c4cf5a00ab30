using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Portaali.Tests.Integration.ServiceOrders;

namespace Portaali.Tests.Integration.Campaigns;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 for the mailing tests: it refuses chosen recipient
/// addresses at RCPT TO, as a relay does for an unknown mailbox, and can run an action when it has taken a message.</summary>
public sealed class MailingSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    /// <summary>Recipients refused with "550 mailbox unavailable".</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Runs after a message is stored and before the server answers "250 OK"; returning a task that does not
    /// finish leaves the client waiting for the answer (the window where a sender cannot know the message arrived).</summary>
    public Func<MimeMessage, CancellationToken, Task>? AfterStore { get; set; }

    public MailingSmtpServer()
    {
        Port = TestSmtpServer.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((to, from) => !Refused.ContainsKey(Address(to)) && !Refused.ContainsKey(Address(from))));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    private static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    public IReadOnlyList<string> Recipients => Received.SelectMany(m => m.To.Mailboxes.Select(x => x.Address)).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(MailingSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue(message);
            if (owner.AfterStore is { } after)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, owner.stop.Token);
                try { await after(message, linked.Token); }
                catch (OperationCanceledException) { }
            }
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A clock that stands still until a service waits on it: each timer jumps the clock by its due time and fires
/// at once, so paced sending runs without real waiting and the pauses show in the recorded times.</summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;
    private readonly ConcurrentQueue<TimeSpan> waits = new();

    public IReadOnlyList<TimeSpan> Waits => waits.ToList();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return new Idle();
        waits.Enqueue(dueTime);
        Interlocked.Add(ref ticks, dueTime.Ticks);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Idle();
    }

    private sealed class Idle : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
