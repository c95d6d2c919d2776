using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace IswPanel.Testing;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 with a random port, for tests that send real email: it accepts EHLO/HELO,
/// MAIL FROM, RCPT TO, DATA, RSET, NOOP and QUIT (no authentication, no TLS) and records each message it accepts.
/// It can also misbehave on purpose: drop a connection when DATA arrives, hang there, or refuse every message.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Message> messages = new();
    private readonly ConcurrentBag<TcpClient> connections = [];
    private readonly Task accepting;
    private int dropsLeft;
    private int stallsLeft;
    private TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Message(string From, IReadOnlyList<string> To, string Data)
    {
        public MimeMessage Parse()
        {
            using var stream = new MemoryStream(Encoding.Latin1.GetBytes(Data));
            return MimeMessage.Load(stream);
        }
    }

    private SmtpSink()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public static SmtpSink Start() => new();

    public int Port { get; }

    /// <summary>Every message accepted so far, in order.</summary>
    public IReadOnlyList<Message> Messages => [.. messages];

    /// <summary>The app settings that send through this sink.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:UseStartTls"] = "false",
    };

    /// <summary>Refuses every message (a permanent error to MAIL FROM) while true.</summary>
    public bool RefuseMessages { get; set; }

    /// <summary>The next <paramref name="count"/> sessions are cut off when the client says DATA, as if the line went down mid-send.</summary>
    public void DropAtNextData(int count = 1) => Interlocked.Exchange(ref dropsLeft, count);

    /// <summary>
    /// The next session never answers DATA, so the sender hangs mid-send until it is cancelled or killed. The task
    /// completes once the sender is hanging there.
    /// </summary>
    public Task StallAtNextData()
    {
        stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref stallsLeft, 1);
        return stalled.Task;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                connections.Add(client);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sink.test ESMTP ready");
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync(stopping.Token) is { } line)
                {
                    var verb = (line.Split(' ', 2)[0]).ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                        case "HELO":
                            await writer.WriteLineAsync("250 sink.test");
                            break;
                        case "MAIL":
                            if (RefuseMessages)
                            {
                                await writer.WriteLineAsync("550 5.7.1 Refused by the test sink");
                                break;
                            }

                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            if (from is null)
                            {
                                await writer.WriteLineAsync("503 5.5.1 MAIL first");
                                break;
                            }

                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 OK");
                            break;
                        case "DATA":
                            if (from is null || to.Count == 0)
                            {
                                await writer.WriteLineAsync("503 5.5.1 RCPT first");
                                break;
                            }

                            if (Interlocked.Decrement(ref dropsLeft) >= 0) return; // cut off: nothing recorded
                            if (Interlocked.Decrement(ref stallsLeft) >= 0)
                            {
                                stalled.TrySetResult();
                                await reader.ReadLineAsync(stopping.Token); // until the sender gives up and closes
                                return;
                            }

                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            messages.Enqueue(new Message(from, [.. to], data.ToString()));
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK queued");
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                            break;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away; whatever it had not finished is not a message.
        }
    }

    /// <summary>The address between angle brackets in "MAIL FROM:&lt;a@b&gt;" or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var client in connections) client.Dispose();
        await accepting;
        stopping.Dispose();
    }
}
