import Foundation

/// A server URL fit to be kept: no `user:password@`, no query parameter that looks like a credential.
///
/// A parameter is dropped when its lower-cased name, with `-` and `_` removed, is one of `key`, `apikey`, `token`,
/// `accesstoken`, `auth`, `authorization`, `secret`, `password`, `pass`, `sig`, `signature`, `code`, or ends in
/// `key`, `token`, `secret` or `password` (`x-api-key`, `subscription-key`, `id_token`…). `{prompt}` placeholders
/// are kept as written.
package enum RedactedURL {
    private static let exactNames: Set<String> = [
        "key", "apikey", "token", "accesstoken", "auth", "authorization", "secret", "password", "pass", "sig",
        "signature", "code", "credential", "credentials",
    ]
    private static let suffixes = ["key", "token", "secret", "password"]

    /// The URL without credentials.
    /// - Parameter url: The URL as configured.
    /// - Returns: The same URL with user, password and credential-like query parameters removed.
    package static func string(_ url: String) -> String {
        guard var components = URLComponents(string: url) ?? URLComponents(string: escapingBraces(url)) else {
            return strippingUserInfo(url)
        }
        components.user = nil
        components.password = nil
        if let items = components.percentEncodedQueryItems {
            let kept = items.filter { !isCredential($0.name) }
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        let text = components.string ?? strippingUserInfo(url)
        return text.replacingOccurrences(of: "%7Bprompt%7D", with: "{prompt}")
    }

    /// Whether a query parameter's name looks like it carries a credential.
    /// - Parameter name: The parameter's name (percent-encoded or not).
    /// - Returns: `true` to drop it.
    package static func isCredential(_ name: String) -> Bool {
        let plain = (name.removingPercentEncoding ?? name).lowercased()
            .filter { $0 != "-" && $0 != "_" && $0 != "." }
        return exactNames.contains(plain) || suffixes.contains { plain.hasSuffix($0) }
    }

    private static func escapingBraces(_ url: String) -> String {
        url.replacingOccurrences(of: "{prompt}", with: "%7Bprompt%7D")
    }

    /// A last resort for text `URLComponents` refuses: drops everything between `://` and an `@` in the authority,
    /// and the whole query.
    private static func strippingUserInfo(_ url: String) -> String {
        var text = url
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        guard let scheme = text.range(of: "://") else { return text }
        let authorityEnd = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
        if let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
            text.removeSubrange(scheme.upperBound...at)
        }
        return text
    }
}
