using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portaali.Tests.Integration.ServiceOrders;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, keeping every message it accepts with
/// the envelope recipients (RCPT TO) it was given. It can refuse chosen addresses at RCPT TO, as a relay does for an unknown
/// mailbox, and run an action when it has taken a message.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public int Port { get; }
    public ConcurrentQueue<(IReadOnlyList<string> Envelope, MimeMessage Message)> Received { get; } = new();
    public IEnumerable<MimeMessage> Messages => Received.Select(r => r.Message);
    /// <summary>The To addresses of every message taken, in order.</summary>
    public IReadOnlyList<string> Recipients => Messages.SelectMany(m => m.To.Mailboxes.Select(x => x.Address)).ToList();
    /// <summary>Recipients (or senders) refused with "550 mailbox unavailable".</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Runs after a message is stored and before the server answers "250 OK"; returning a task that does not
    /// finish leaves the client waiting for the answer (the window where a sender cannot know the message arrived).</summary>
    public Func<MimeMessage, CancellationToken, Task>? AfterStore { get; set; }

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((to, from) => !Refused.ContainsKey(Address(to)) && !Refused.ContainsKey(Address(from))));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public static TestSmtpServer Start(int? port = null) => new(port ?? FreePort());

    private static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue((transaction.To.Select(Address).ToList(), message));
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

/// <summary>A server that accepts a connection and closes it at once, as a crashing or overloaded relay does.</summary>
public sealed class ClosingServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public int Port { get; }

    public ClosingServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { (await listener.AcceptTcpClientAsync(stop.Token)).Close(); }
                catch (OperationCanceledException) { return; }
                catch (SocketException) { return; }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
