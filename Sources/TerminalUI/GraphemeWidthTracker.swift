/// Measures a stream of scalars cluster by cluster, without grapheme segmentation, so the scalars of one cluster may
/// arrive in different deltas.
///
/// Each scalar either starts a new cluster (with the scalar's own width) or extends the current one, adding the
/// cells that the extension adds on screen:
///
/// ```
///  combining mark, ZWJ, other zero-width       extends, +0
///  VS16 (U+FE0F) after a one-cell base         extends, +1   (❤ + VS16 → ❤️, two cells)
///  emoji after a ZWJ in an emoji cluster       extends, +0   (👨 ZWJ 👩 → one two-cell cluster)
///  skin-tone modifier after a wide base        extends, +0
///  second regional indicator of a pair         extends, +0   (🇫 🇷 → 🇫🇷)
/// ```
struct GraphemeWidthTracker: Sendable {
    /// The result of measuring one scalar.
    struct Measure: Equatable {
        /// The cells the scalar adds to the line.
        var cells: Int
        /// Whether the scalar belongs to the cluster before it (no line break may come before it).
        var extendsCluster: Bool
    }

    /// Cells of the current cluster so far (0 before any cluster).
    private(set) var clusterWidth = 0
    private var afterJoiner = false
    private var unpairedRegionalIndicator = false

    /// Forgets the current cluster, for example after a space or a newline.
    mutating func reset() {
        clusterWidth = 0
        afterJoiner = false
        unpairedRegionalIndicator = false
    }

    /// Measures the next scalar of the stream.
    /// - Parameter scalar: The next scalar.
    /// - Returns: The cells it adds and whether it extends the current cluster.
    @inline(__always)
    mutating func measure(_ scalar: Unicode.Scalar) -> Measure {
        let value = scalar.value
        if value < 0x7F && value >= 0x20 {
            return startCluster(width: 1, regionalIndicator: false)
        }
        return measureSlow(value, width: DisplayWidth.of(scalar))
    }

    private mutating func measureSlow(_ value: UInt32, width: Int) -> Measure {
        let joined = afterJoiner
        afterJoiner = false
        switch value {
        case 0xFE0F:
            guard clusterWidth == 1 else { return Measure(cells: 0, extendsCluster: clusterWidth > 0) }
            clusterWidth = 2
            return Measure(cells: 1, extendsCluster: true)
        case 0x200D:
            afterJoiner = clusterWidth > 0
            return Measure(cells: 0, extendsCluster: clusterWidth > 0)
        case 0x1F3FB...0x1F3FF where clusterWidth == 2:
            return Measure(cells: 0, extendsCluster: true)
        case 0x1F1E6...0x1F1FF:
            if unpairedRegionalIndicator {
                unpairedRegionalIndicator = false
                return Measure(cells: 0, extendsCluster: true)
            }
            return startCluster(width: 2, regionalIndicator: true)
        default:
            break
        }
        if width == 0 {
            return Measure(cells: 0, extendsCluster: clusterWidth > 0)
        }
        if joined && clusterWidth == 2 && Self.isPictographic(value, width: width) {
            return Measure(cells: 0, extendsCluster: true)
        }
        return startCluster(width: width, regionalIndicator: false)
    }

    @inline(__always)
    private mutating func startCluster(width: Int, regionalIndicator: Bool) -> Measure {
        clusterWidth = width
        afterJoiner = false
        unpairedRegionalIndicator = regionalIndicator
        return Measure(cells: width, extendsCluster: false)
    }

    /// Whether a scalar after a ZWJ joins an emoji cluster: wide scalars, and the text-default pictographs of the
    /// symbol blocks (such as U+2640 FEMALE SIGN or U+1F5E8 LEFT SPEECH BUBBLE).
    private static func isPictographic(_ value: UInt32, width: Int) -> Bool {
        width == 2 || (0x2100...0x2BFF).contains(value) || (0x1F000...0x1FAFF).contains(value)
    }
}
