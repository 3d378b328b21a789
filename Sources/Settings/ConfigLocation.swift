/// Where the config file is: `--config FILE`, else `SSECHAT_CONFIG`, else `$XDG_CONFIG_HOME/ssechat/config.toml`
/// (`~/.config/ssechat/config.toml` when that variable is unset, empty or not absolute).
package enum ConfigLocation {
    /// The config file's path and where it came from.
    /// - Parameters:
    ///   - flag: The `--config` flag, if given.
    ///   - environment: The process's environment.
    /// - Returns: The path; a source other than `.builtIn` means the user named the file, so it must exist.
    package static func path(flag: String?, environment: [String: String]) -> Sourced<String> {
        if let flag, !flag.isEmpty { return Sourced(flag, from: .flag) }
        if let named = environment["SSECHAT_CONFIG"], !named.isEmpty {
            return Sourced(named, from: .environment("SSECHAT_CONFIG"))
        }
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ".") + "/.config"
        }
        return Sourced(base + "/ssechat/config.toml", from: .builtIn)
    }
}
