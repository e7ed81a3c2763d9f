/// A random number generator that gives the same numbers from the same seed on every platform.
///
/// SplitMix64 (Steele, Lea and Flood, 2014). Training shuffles with it so that `make model` gives a
/// byte-identical file each time; the system generator cannot be seeded. Tests and benchmarks use it
/// so that a failure or a figure reproduces from its seed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A permutation of `0..<count`, by Fisher–Yates with this generator.
    ///
    /// Written out rather than `shuffled(using:)`, whose algorithm the standard library does not promise
    /// to keep, and a different shuffle would change the model file.
    mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for position in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(position + 1))
            order.swapAt(position, other)
        }
        return order
    }
}
