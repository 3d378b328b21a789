/// Where the conversation log lives: `$XDG_DATA_HOME/ssechat/ssechat.db`, else `~/.local/share/ssechat/ssechat.db`
/// (an `XDG_DATA_HOME` that is empty or relative is ignored, as the XDG spec says).
package enum DatabaseLocation {
    /// The database's path.
    /// - Parameters:
    ///   - environment: The process's environment.
    ///   - home: The home folder, when `HOME` is unset.
    /// - Returns: The absolute path of `ssechat.db`.
    package static func path(environment: [String: String], home: String) -> String {
        folder(environment: environment, home: home) + "/ssechat.db"
    }

    /// The folder that holds the database.
    package static func folder(environment: [String: String], home: String) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/ssechat"
        }
        let base = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home
        return base + "/.local/share/ssechat"
    }
}
