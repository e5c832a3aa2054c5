using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// TCP sockets that live in a named network namespace while this test process stays in its own.
/// A socket belongs to the namespace of the thread that created it, for good: so a short-lived
/// thread joins the namespace (setns), creates the socket and ends. Binding, listening, accepting
/// and connecting then work from any thread, inside that namespace.
/// </summary>
internal static class NamespacedSocket
{
    private const int CloneNewNet = 0x40000000;

    public static Socket Create(string @namespace)
    {
        Socket? socket = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/var/run/netns", @namespace));
                if (SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new IOException($"setns into {@namespace} failed with errno {Marshal.GetLastPInvokeError()}");
                }
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            }
            catch (Exception e)
            {
                error = e;
            }
        })
        {
            IsBackground = true,
            Name = "setns " + @namespace,
        };
        thread.Start();
        thread.Join();
        return socket ?? throw new IOException($"no socket in namespace {@namespace}", error);
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNamespace(int fd, int type);
}
