extension HistoryFile {
    /// Encodes one entry as one line of the file: `\` → `\\`, newline → `\n`, carriage return → `\r`.
    /// - Parameter entry: The history entry.
    /// - Returns: The entry without any line break in it.
    package static func encode(_ entry: String) -> String {
        var line = ""
        line.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// Decodes one line of the file written by ``encode(_:)``. An unknown escape is kept as it is.
    /// - Parameter line: One line of the file, without its newline.
    /// - Returns: The history entry.
    package static func decode(_ line: String) -> String {
        var entry = ""
        var escaping = false
        for scalar in line.unicodeScalars {
            if escaping {
                escaping = false
                switch scalar {
                case "n": entry += "\n"
                case "r": entry += "\r"
                case "\\": entry += "\\"
                default:
                    entry += "\\"
                    entry.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                escaping = true
            } else {
                entry.unicodeScalars.append(scalar)
            }
        }
        if escaping { entry += "\\" }
        return entry
    }

    /// Splits a whole file into entries; empty lines are skipped and invalid UTF-8 becomes U+FFFD.
    /// - Parameter bytes: The file's content.
    /// - Returns: The entries, oldest first.
    static func decodeFile(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map {
            decode(String(decoding: $0, as: UTF8.self))
        }
    }
}
