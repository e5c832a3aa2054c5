namespace ActorMap.Functions.Shipping;

/// <summary>
/// Shipped content that a node refuses: bytes that do not match their hash (a corrupted
/// upload, a file changed on disk), a package that does not describe a loadable function, or
/// content the node does not have. The message names the assembly and, for a mismatch, both hashes.
/// </summary>
internal sealed class ShippedAssemblyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A delegate that cannot be shipped, found on the caller before any job starts: state that
/// cannot travel (naming the captured variable and its type), a signature that is not one
/// element in and one result out, or an assembly with no file to send.
/// </summary>
internal sealed class UnshippableFunctionException(string message, Exception? inner = null) : Exception(message, inner);
