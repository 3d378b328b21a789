/// Number formatting for benchmark tables: fixed decimals, no locale, no Foundation.
package enum Format {
    /// `value` with `decimals` digits after the point, rounded half away from zero, digits grouped by thousands.
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: Digits after the decimal point (0 for none).
    /// - Returns: The formatted number, e.g. `1,234.5`.
    package static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? "-∞" : "∞") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = UInt64((abs(value) * scale).rounded())
        let whole = scaled / UInt64(scale)
        let fraction = scaled % UInt64(scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let fractionDigits = String(fraction)
            grouped += "." + String(repeating: "0", count: max(0, decimals - fractionDigits.count)) + fractionDigits
        }
        return (value < 0 && scaled != 0 ? "-" : "") + grouped
    }

    /// A byte rate in decimal megabytes (10⁶ bytes) per second.
    /// - Parameters:
    ///   - bytes: The bytes processed.
    ///   - seconds: The time taken.
    /// - Returns: E.g. `1,234 MB/s`.
    package static func megabytesPerSecond(_ bytes: Int, seconds: Double) -> String {
        number(Double(bytes) / 1e6 / seconds) + " MB/s"
    }

    /// An item rate per second, in millions with two decimals or thousands below a million.
    /// - Parameters:
    ///   - count: The items processed.
    ///   - seconds: The time taken.
    /// - Returns: E.g. `4.21 M/s` or `312 k/s`.
    package static func perSecond(_ count: Int, seconds: Double) -> String {
        let rate = Double(count) / seconds
        return rate >= 1e6 ? number(rate / 1e6, decimals: 2) + " M/s" : number(rate / 1e3) + " k/s"
    }

    /// Seconds as milliseconds with one decimal.
    /// - Parameter seconds: The time.
    /// - Returns: E.g. `93.4 ms`.
    package static func milliseconds(_ seconds: Double) -> String {
        number(seconds * 1e3, decimals: 1) + " ms"
    }

    /// A ratio with two significant decimals, e.g. `0.31×` or `12.5×`.
    /// - Parameter ratio: The ratio.
    /// - Returns: The formatted ratio.
    package static func ratio(_ ratio: Double) -> String {
        number(ratio, decimals: ratio < 10 ? 2 : 1) + "×"
    }
}
