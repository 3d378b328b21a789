import CMallocCounter

/// The process's heap allocation counters, from the malloc interposer linked into benchmark executables.
package enum AllocationCounter {
    /// Allocations (malloc, calloc, realloc and the aligned variants) made by the process so far.
    package static var allocations: UInt64 { mallocc_allocation_count() }

    /// Bytes requested by those allocations.
    package static var allocatedBytes: UInt64 { mallocc_allocated_bytes() }

    /// Whether allocations are really being counted (the interposer is in effect in this executable).
    package static var isActive: Bool { mallocc_is_active() != 0 }
}
