import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port where connections are refused, and stay refused for the rest of the test process.
///
/// The socket is bound but never listens, and it is never closed: a port taken from a stopped server, or bound and
/// closed again, can be handed to another test's server that starts meanwhile, and then the "refused" connection
/// reaches that server instead.
/// - Returns: The port number.
/// - Throws: `POSIXError` when no socket can be bound.
package func refusingLoopbackPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else {
        close(fd)
        throw POSIXError(.EADDRINUSE)
    }
    return UInt16(bigEndian: address.sin_port)
}
