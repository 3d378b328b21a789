/// One HTTP header field of a request to make.
package struct ChatHTTPHeader: Sendable, Equatable, Hashable {
    /// The field name, as it should be sent.
    package var name: String
    /// The field value.
    package var value: String

    /// Creates a header field.
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The field value.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the value is a secret (an API key) that must never be printed or logged.
    package var isSecret: Bool {
        switch name.lowercased() {
        case "authorization", "proxy-authorization", "x-api-key", "x-goog-api-key", "api-key", "cookie": true
        default: false
        }
    }
}
