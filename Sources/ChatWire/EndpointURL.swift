import Foundation

/// Joins an API path onto a user's base URL, keeping its query, and checks that the result is an http(s) URL.
enum EndpointURL {
    /// The endpoint URL for `base`.
    ///
    /// Trailing slashes of the base path are ignored. If the path already ends with one of `complete` it is used as
    /// it is; else if it ends with one of the `partial` prefixes, the rest of that endpoint is appended; else
    /// `suffix` (or `rootSuffix` when the path is empty) is appended.
    /// - Parameters:
    ///   - base: The user's base URL.
    ///   - complete: The endpoint path, e.g. `/chat/completions`.
    ///   - partial: Ends of a base path with what to append to each, e.g. `("/v1", "/messages")`.
    ///   - suffix: What to append otherwise.
    ///   - rootSuffix: What to append when the base has no path.
    /// - Returns: The endpoint URL.
    /// - Throws: `ChatWireError.invalidURL` when the base is not an http or https URL with a host.
    static func join(
        _ base: URL,
        complete: String,
        partial: [(end: String, append: String)] = [],
        suffix: String,
        rootSuffix: String
    ) throws -> URL {
        try validate(base)
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: true) else {
            throw ChatWireError.invalidURL("cannot read the URL")
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(complete) {
            // use as is
        } else if let match = partial.first(where: { path.hasSuffix($0.end) }) {
            path += match.append
        } else {
            path += path.isEmpty ? rootSuffix : suffix
        }
        components.percentEncodedPath = path
        guard let url = components.url else { throw ChatWireError.invalidURL("cannot add the API path") }
        return url
    }

    /// Checks that `url` is an absolute http or https URL with a host.
    /// - Parameter url: The URL to check.
    /// - Throws: `ChatWireError.invalidURL`, naming the problem but not the URL (it may hold credentials).
    static func validate(_ url: URL) throws {
        guard let scheme = url.scheme?.lowercased() else {
            throw ChatWireError.invalidURL("no scheme; use http:// or https://")
        }
        guard scheme == "http" || scheme == "https" else {
            // The scheme is not echoed: without "//", "user:password@host" parses as scheme "user".
            throw ChatWireError.invalidURL("only http:// and https:// URLs are supported")
        }
        guard let host = url.host, !host.isEmpty else { throw ChatWireError.invalidURL("no host") }
    }

    /// `url` with `name=value` in its query, unless the query already sets `name`.
    /// - Throws: `ChatWireError.invalidURL` when the URL cannot hold it.
    static func adding(query name: String, value: String, to url: URL) throws -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            throw ChatWireError.invalidURL("cannot read the URL")
        }
        var items = components.percentEncodedQueryItems ?? []
        if !items.contains(where: { $0.name == name }) {
            // Strictly encoded: a page token's `+`, `/` and `=` must reach the server as themselves.
            let encoded = value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
            items.append(URLQueryItem(name: name, value: encoded))
        }
        components.percentEncodedQueryItems = items
        guard let result = components.url else { throw ChatWireError.invalidURL("cannot add the query") }
        return result
    }

    /// The characters RFC 3986 leaves unencoded anywhere in a URL.
    static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    )
}
