/// Where a layer says the API key is. Its `description` never shows a key.
package enum KeySource: Sendable, Equatable, CustomStringConvertible {
    /// The key itself (from `--api-key`, an environment variable, or `api_key` in a 0600 file).
    case value(String)
    /// The name of the environment variable that holds it (`api_key_env`).
    case variable(String)
    /// The command whose standard output is the key (`api_key_cmd`), run without a shell.
    case command([String])

    package var description: String {
        switch self {
        case .value: "<key>"
        case .variable(let name): "$\(name)"
        case .command(let argv): "api_key_cmd \(argv.first ?? "")"
        }
    }
}
