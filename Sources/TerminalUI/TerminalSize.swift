#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of a terminal in cells.
package struct TerminalSize: Sendable, Equatable {
    /// The number of columns (the width lines wrap at).
    package var columns: Int
    /// The number of rows.
    package var rows: Int

    /// Creates a size.
    /// - Parameters:
    ///   - columns: Columns, in cells.
    ///   - rows: Rows, in lines.
    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The size when nothing better is known: 80 × 24.
    package static let fallback = TerminalSize(columns: 80, rows: 24)

    /// The size of the terminal behind a descriptor: `ioctl(TIOCGWINSZ)`, else the `COLUMNS` and `LINES`
    /// variables, else 80 × 24.
    /// - Parameter fd: The descriptor (1 for stdout).
    /// - Returns: The size; never zero.
    package static func current(fd: Int32 = 1) -> TerminalSize {
        var window = winsize()
        #if canImport(Glibc)
            let result = ioctl(fd, UInt(TIOCGWINSZ), &window)
        #else
            let result = ioctl(fd, TIOCGWINSZ, &window)
        #endif
        return resolve(
            windowColumns: result == 0 ? Int(window.ws_col) : nil,
            windowRows: result == 0 ? Int(window.ws_row) : nil,
            columnsVariable: ColorMode.environment("COLUMNS"),
            linesVariable: ColorMode.environment("LINES")
        )
    }

    /// Picks the size from what the system reported (pure).
    /// - Parameters:
    ///   - windowColumns: Columns from `TIOCGWINSZ`, or `nil` when the call failed.
    ///   - windowRows: Rows from `TIOCGWINSZ`, or `nil`.
    ///   - columnsVariable: The `COLUMNS` environment variable, or `nil`.
    ///   - linesVariable: The `LINES` environment variable, or `nil`.
    /// - Returns: The first positive value of each dimension, else the fallback.
    package static func resolve(
        windowColumns: Int?,
        windowRows: Int?,
        columnsVariable: String?,
        linesVariable: String?
    ) -> TerminalSize {
        TerminalSize(
            columns: positive(windowColumns) ?? parse(columnsVariable) ?? fallback.columns,
            rows: positive(windowRows) ?? parse(linesVariable) ?? fallback.rows
        )
    }

    private static func positive(_ value: Int?) -> Int? {
        guard let value, value > 0 else { return nil }
        return value
    }

    private static func parse(_ variable: String?) -> Int? {
        guard let variable, !variable.isEmpty, variable.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return positive(Int(variable))
    }
}
