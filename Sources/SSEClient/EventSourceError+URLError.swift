import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension EventSourceError {
    /// Classifies a transport error.
    /// - Returns: The error, and whether reconnecting cannot cure it.
    static func classify(_ error: any Error, endpoint: String) -> (error: EventSourceError, fatal: Bool) {
        if let sourceError = error as? EventSourceError { return (sourceError, false) }
        guard let urlError = error as? URLError else {
            return (EventSourceError(.network, endpoint: endpoint, detail: "\(error)"), false)
        }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed:
            return (EventSourceError(.hostUnreachable, endpoint: endpoint, detail: "host not found"), false)
        case .cannotConnectToHost:
            return (EventSourceError(.hostUnreachable, endpoint: endpoint, detail: "connection refused"), false)
        case .notConnectedToInternet:
            return (EventSourceError(.hostUnreachable, endpoint: endpoint, detail: "no network"), false)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .clientCertificateRequired:
            return (EventSourceError(.tls, endpoint: endpoint, detail: "certificate or handshake rejected"), true)
        case .badURL, .unsupportedURL:
            return (EventSourceError(.invalidURL, endpoint: endpoint, detail: "unsupported URL"), true)
        case .timedOut:
            return (EventSourceError(.idleTimeout, endpoint: endpoint), false)
        case .networkConnectionLost:
            return (EventSourceError(.network, endpoint: endpoint, detail: "connection lost"), false)
        case .httpTooManyRedirects:
            return (EventSourceError(.tooManyRedirects, endpoint: endpoint), true)
        default:
            return (
                EventSourceError(.network, endpoint: endpoint, detail: "URL error \(urlError.code.rawValue)"), false
            )
        }
    }

    /// "host:port" of a URL, for messages (never the path or query, which may hold secrets).
    static func endpoint(of url: URL) -> String {
        guard let host = url.host else { return url.scheme.map { "\($0) URL" } ?? "URL" }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return url.port.map { "\(hostPart):\($0)" } ?? hostPart
    }
}
