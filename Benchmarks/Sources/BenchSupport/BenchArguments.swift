/// Minimal `--name value` / `--flag` command-line parsing for benchmark executables.
package struct BenchArguments: Sendable {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    /// Arguments that are neither options nor their values, in order.
    package private(set) var positional: [String] = []

    /// Parses arguments; an option is `--name value` or `--name=value`, a flag is `--name` followed by another option
    /// or nothing.
    /// - Parameter arguments: The arguments without the program name.
    package init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            let name = String(argument.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                values[String(name[..<equals])] = String(name[name.index(after: equals)...])
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                values[name] = arguments[index]
                index += 1
            } else {
                flags.insert(name)
            }
        }
    }

    /// The integer value of `--name`, or `defaultValue` when absent or not an integer.
    /// - Parameters:
    ///   - name: The option name without dashes.
    ///   - defaultValue: The value to use otherwise.
    /// - Returns: The value.
    package func int(_ name: String, default defaultValue: Int) -> Int {
        values[name].flatMap { Int($0) } ?? defaultValue
    }

    /// The string value of `--name`, if given.
    /// - Parameter name: The option name without dashes.
    /// - Returns: The value, or `nil`.
    package func string(_ name: String) -> String? {
        values[name]
    }

    /// Whether `--name` was given as a flag.
    /// - Parameter name: The flag name without dashes.
    /// - Returns: `true` when present.
    package func flag(_ name: String) -> Bool {
        flags.contains(name)
    }
}
