using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// A private OpenSSH server on a free loopback port, for real PowerShell remoting in tests: its own host key
/// and config, key authentication only (the key <see cref="ClientKey"/> made for it), and
/// <see cref="RealPwsh"/> as its <c>powershell</c> subsystem. Disposing stops it.
/// </summary>
public sealed class LoopbackSshd : IDisposable
{
    public const string SshdPath = "/usr/sbin/sshd";

    private readonly Process _process;

    public LoopbackSshd(string directory, string clientPublicKey)
    {
        Directory.CreateDirectory(directory);
        var hostKey = Path.Combine(directory, "host_key");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey);
        var authorized = Path.Combine(directory, "authorized_keys");
        File.WriteAllText(authorized, File.ReadAllText(clientPublicKey));
        Port = FreePort();
        var config = Path.Combine(directory, "sshd_config");
        File.WriteAllLines(config, new[]
        {
            $"Port {Port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {hostKey}",
            $"PidFile {Path.Combine(directory, "sshd.pid")}",
            $"AuthorizedKeysFile {authorized}",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "PermitRootLogin prohibit-password",
            $"Subsystem powershell {RealPwsh.Path} -sshs -NoLogo -NoProfile",
            "LogLevel ERROR",
        });

        // sshd checks its privilege-separation directory even when, as here, nothing else of the system's is used.
        if (!Directory.Exists("/run/sshd"))
        {
            Directory.CreateDirectory("/run/sshd");
        }

        var start = new ProcessStartInfo(SshdPath) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>True when sshd is installed (Debian's openssh-server).</summary>
    public static bool IsInstalled => File.Exists(SshdPath);

    /// <summary>Makes a client key pair in <paramref name="directory"/>; returns the private key's path.</summary>
    public static string MakeClientKey(string directory)
    {
        Directory.CreateDirectory(directory);
        var key = Path.Combine(directory, "client_key");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return key;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void WaitUntilListening()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"sshd did not listen on port {Port}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {process.StandardError.ReadToEnd()}");
    }
}

/// <summary>A fact that needs sshd and pwsh: skipped (saying why) without them, except under CI=true, where it runs and fails.</summary>
public sealed class SshRemotingFactAttribute : FactAttribute
{
    public SshRemotingFactAttribute()
    {
        if ((!LoopbackSshd.IsInstalled || RealPwsh.Path is null || OperatingSystem.IsWindows()) && !RealPwsh.InCi)
        {
            Skip = "needs Debian's openssh-server (apt-get install openssh-server) and pwsh 7.6; under CI=true this test fails instead";
        }
    }
}
