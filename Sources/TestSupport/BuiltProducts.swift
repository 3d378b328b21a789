import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds executables SwiftPM built alongside the running tests (`ssechat`, `line-editor-harness` …), whatever
/// `--scratch-path` was used.
package enum BuiltProducts {
    /// No executable of that name was found.
    package struct NotFound: Error, CustomStringConvertible {
        /// The product looked for.
        package let product: String
        /// The folders searched.
        package let searched: [String]

        package var description: String {
            "no built product '\(product)' in: \(searched.joined(separator: ", ")) (build it with `swift build`)"
        }
    }

    /// The path of a built executable.
    ///
    /// Looks in `$SSECHAT_BUILT_PRODUCTS_DIR` when set, then in the folder of the running test binary and up to
    /// four folders above it (and their `debug`/`release` subfolders): on Linux the tests run as
    /// `<scratch>/<triple>/debug/<package>PackageTests.xctest` next to the products; on macOS inside
    /// `…/debug/<package>PackageTests.xctest/Contents/MacOS/`.
    /// - Parameter product: The executable's name.
    /// - Returns: Its absolute path.
    /// - Throws: ``NotFound`` when no executable file of that name exists in those folders.
    package static func path(of product: String) throws -> String {
        let searched = searchFolders()
        for folder in searched {
            let candidate = folder + "/" + product
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        throw NotFound(product: product, searched: searched)
    }

    private static func searchFolders() -> [String] {
        var folders: [String] = []
        if let override = ProcessInfo.processInfo.environment["SSECHAT_BUILT_PRODUCTS_DIR"], !override.isEmpty {
            folders.append(override)
        }
        var folder = URL(fileURLWithPath: runningExecutable()).deletingLastPathComponent().standardizedFileURL
        for _ in 0..<5 {
            folders += [
                folder.path, folder.appendingPathComponent("debug").path,
                folder.appendingPathComponent("release").path,
            ]
            folder = folder.deletingLastPathComponent()
        }
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    private static func runningExecutable() -> String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return path
            }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? "."
    }
}
