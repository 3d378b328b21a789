extension String {
    /// The string of these scalars, encoded straight into its storage (`String(String.UnicodeScalarView(…))`
    /// goes through a copy of them).
    /// - Parameter scalars: The scalars, in order.
    init(scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
