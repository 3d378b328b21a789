import Foundation

/// Which cross-origin pages may use the server, and the CORS headers that tells a browser: a pure decision, the
/// request handler only copies the headers it returns onto its responses.
///
/// ```
///  request                          policy ["http://a:1"]             policy ["*"]            policy []
///  ───────────────────────────────  ───────────────────────────────   ─────────────────────   ─────────
///  Origin: http://a:1               ACAO http://a:1, Vary: Origin     ACAO *                  nothing
///  Origin: http://b:2               Vary: Origin                      ACAO *                  nothing
///  no Origin (curl, same origin)    Vary: Origin                      nothing                 nothing
///  OPTIONS + Access-Control-        204 + ACAO + Allow-Methods,       204 + ACAO *, …         not a
///    Request-Method (preflight)       Allow-Headers, Max-Age                                    preflight
/// ```
///
/// `Vary: Origin` goes on every response when the answer depends on the origin (a list without `*`), so a cache
/// never hands one origin's response to another. A preflight from an origin not listed gets its 204 without CORS
/// headers, which the browser treats as a refusal.
package struct CORSPolicy: Sendable, Equatable {
    /// The origins allowed, exactly as browsers send them (`http://127.0.0.1:5173`), or `*` for any.
    package let allowedOrigins: [String]

    /// The methods a preflight allows.
    package static let allowedMethods = "GET, POST, OPTIONS"
    /// The request headers a preflight allows.
    package static let allowedHeaders = "Content-Type, Authorization, Last-Event-ID, Cache-Control"
    /// How long, in seconds, a browser may cache a preflight's answer.
    package static let maxAgeSeconds = 600

    /// The policy that allows no cross-origin use and adds no headers (the default).
    package static let disabled = CORSPolicy(validatedOrigins: [])

    /// Creates a policy from `--cors-origin` values.
    /// - Parameter origins: `*`, `null`, or `scheme://host[:port]` (no path, no trailing slash); letter case of
    ///   the scheme and host does not matter.
    /// - Throws: `DemoServerError` naming the first value that is not an origin.
    package init(origins: [String]) throws {
        allowedOrigins = try origins.map { origin in
            guard let normalized = Self.normalized(origin) else {
                throw DemoServerError(
                    "'\(origin)' is not an origin: use * or scheme://host[:port], e.g. http://127.0.0.1:5173"
                )
            }
            return normalized
        }
    }

    private init(validatedOrigins: [String]) {
        allowedOrigins = validatedOrigins
    }

    /// Whether any cross-origin use is allowed.
    package var isEnabled: Bool { !allowedOrigins.isEmpty }

    private var allowsAny: Bool { allowedOrigins.contains("*") }

    /// The headers to add to an ordinary response (events, errors, a 204 after the end).
    /// - Parameter origin: The request's `Origin` header, if any.
    /// - Returns: Header names and values, in order; empty when nothing is allowed.
    package func responseHeaders(origin: String?) -> [(name: String, value: String)] {
        guard isEnabled else { return [] }
        if allowsAny { return origin == nil ? [] : [("Access-Control-Allow-Origin", "*")] }
        guard let origin, allowedOrigins.contains(Self.normalized(origin) ?? "") else {
            return [("Vary", "Origin")]
        }
        return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    }

    /// What to do with a request that may be a CORS preflight.
    /// - Parameters:
    ///   - method: The request method.
    ///   - origin: The `Origin` header, if any.
    ///   - requestMethod: The `Access-Control-Request-Method` header, if any.
    /// - Returns: `nil` when the request is not a preflight this policy answers (route it as usual), else the
    ///   headers of the 204 to answer with (without CORS headers when the origin is not allowed).
    package func preflightHeaders(
        method: String,
        origin: String?,
        requestMethod: String?
    ) -> [(name: String, value: String)]? {
        guard isEnabled, method == "OPTIONS", origin != nil, requestMethod != nil else { return nil }
        let allow = responseHeaders(origin: origin)
        guard allow.contains(where: { $0.name == "Access-Control-Allow-Origin" }) else { return allow }
        return allow + [
            ("Access-Control-Allow-Methods", Self.allowedMethods),
            ("Access-Control-Allow-Headers", Self.allowedHeaders),
            ("Access-Control-Max-Age", String(Self.maxAgeSeconds)),
        ]
    }

    /// An origin in the form browsers send it, or `nil` when `text` is not one.
    static func normalized(_ text: String) -> String? {
        if text == "*" || text == "null" { return text }
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        let authority = text[separator.upperBound...].lowercased()
        let schemeCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789+-.")
        guard !scheme.isEmpty, scheme.allSatisfy(schemeCharacters.contains), !authority.isEmpty,
            !authority.contains(where: { "/?#@ ".contains($0) })
        else { return nil }
        return scheme + "://" + authority
    }
}
