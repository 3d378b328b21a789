import TOMLKit

/// The TOML text of a config file turned into `ConfigValue`s: the only place that talks to TOMLKit.
package enum ConfigDocument {
    /// Parses a document.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file's path, for the error message.
    /// - Returns: The top-level table's members, in TOMLKit's order.
    /// - Throws: `SettingsError` naming the file, line and column of a syntax error.
    package static func parse(_ text: String, path: String) throws(SettingsError) -> [(key: String, value: ConfigValue)]
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw .syntax(
                path: path,
                line: line,
                column: error.source.begin.column,
                message: mayHoldSecret(text, line: line)
                    ? "(details left out: the line may hold a key)" : error.description
            )
        } catch {
            throw .syntax(path: path, line: 1, column: 1, message: "\(error)")
        }
        return members(of: table)
    }

    /// Whether a line names a key or a secret header, so a parser message quoting part of it must not be shown.
    private static func mayHoldSecret(_ text: String, line: Int) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return false }
        let content = lines[line - 1].lowercased()
        return ["api_key", "authorization", "x-api-key", "api-key", "cookie", "token", "secret"].contains {
            content.contains($0)
        }
    }

    private static func members(of table: TOMLTable) -> [(key: String, value: ConfigValue)] {
        zip(table.keys, table.values).map { key, value in (key, convert(value)) }
    }

    private static func convert(_ value: TOMLValue) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array: return .array(value.array.map { $0.map { convert($0.tomlValue) } } ?? [])
        case .table: return .table(value.table.map(members(of:)) ?? [])
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
