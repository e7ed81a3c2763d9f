/// Appends little-endian values to a byte array: the writing half of a profile's stored record.
struct ProfileRecordWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func integer(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        integer(Int64(bitPattern: value.bitPattern))
    }

    /// A string of at most 65,535 UTF-8 bytes; a longer one (only a pathological headline) is cut
    /// at a character boundary.
    mutating func string(_ value: String) {
        guard value.utf8.count <= Int(UInt16.max) else {
            string(String(decoding: Array(value.utf8.prefix(Int(UInt16.max) - 3)), as: UTF8.self))
            return
        }
        // Appended from the string's own bytes: a copy into an array first was a third of writing
        // a record, which every new story and every join writes.
        withUnsafeBytes(of: UInt16(value.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: value.utf8)
    }

    /// A vector laid out for merging: a 4-byte count, the 4-byte length in bytes of its entries,
    /// its Euclidean length as a double, then the entries in ascending order of the stable hash of
    /// their key, each as the 8-byte hash, the 4-byte weight and the key.
    mutating func vector(_ vector: [String: Float]) {
        let entries = vector.map { (hash: StableHash.of($0.key), key: $0.key, weight: $0.value) }
            .sorted { $0.hash != $1.hash ? $0.hash < $1.hash : $0.key < $1.key }
        withUnsafeBytes(of: UInt32(entries.count).littleEndian) { bytes.append(contentsOf: $0) }
        let sizePosition = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        double(StoryVector.length(of: vector))
        let start = bytes.count
        for entry in entries {
            withUnsafeBytes(of: entry.hash.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.weight.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            string(entry.key)
        }
        let size = UInt32(bytes.count - start)
        for index in 0..<4 { bytes[sizePosition + index] = UInt8(truncatingIfNeeded: size >> UInt32(8 * index)) }
    }
}

/// Reads what ``ProfileRecordWriter`` wrote; every read is nil past the end.
struct ProfileRecordReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// `width` bytes as an unsigned little-endian number.
    mutating func unsigned(width: Int) -> UInt64? {
        guard width >= 0, bytes.count - offset >= width else { return nil }
        // One load for the widths of the format, not a loop over bytes: placement reads a dozen
        // numbers per entry of every candidate's vectors.
        let value: UInt64 = bytes.withUnsafeBytes { raw in
            switch width {
            case 8: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            case 4: UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            case 2: UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            default:
                (0..<width).reduce(0) { $0 | UInt64(raw[offset + $1]) << UInt64(8 * $1) }
            }
        }
        offset += width
        return value
    }

    mutating func integer() -> Int64? {
        unsigned(width: 8).map { Int64(bitPattern: $0) }
    }

    /// A count written as an 8-byte integer, refused when negative or beyond what is left.
    mutating func count() -> Int? {
        guard let value = integer(), value >= 0, value <= bytes.count - offset else { return nil }
        return Int(value)
    }

    mutating func double() -> Double? {
        unsigned(width: 8).map { Double(bitPattern: $0) }
    }

    mutating func string() -> String? {
        guard let length = unsigned(width: 2).map(Int.init), bytes.count - offset >= length else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// Moves past `count` bytes; false when fewer are left.
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, bytes.count - offset >= count else { return false }
        offset += count
        return true
    }

    /// Moves past a string.
    mutating func skipString() -> Bool {
        guard let length = unsigned(width: 2) else { return false }
        return skip(Int(length))
    }

    /// A vector as ``ProfileRecordWriter/vector(_:)`` lays it out.
    mutating func vector() -> [String: Float]? {
        guard let count = unsigned(width: 4).map(Int.init), let size = unsigned(width: 4).map(Int.init),
            double() != nil, size <= bytes.count - offset, count <= size
        else { return nil }
        let end = offset + size
        var vector: [String: Float] = [:]
        vector.reserveCapacity(count)
        for _ in 0..<count {
            guard unsigned(width: 8) != nil, let bits = unsigned(width: 4), let key = string() else { return nil }
            vector[key] = Float(bitPattern: UInt32(bits))
        }
        return offset == end ? vector : nil
    }

    /// A vector written by the first format: a count and (key, weight) pairs.
    mutating func unsortedVector() -> [String: Float]? {
        guard let count = unsigned(width: 4).map(Int.init), count <= bytes.count - offset else { return nil }
        var vector: [String: Float] = [:]
        vector.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = string(), let bits = unsigned(width: 4) else { return nil }
            vector[key] = Float(bitPattern: UInt32(bits))
        }
        return vector
    }

    /// Moves past a vector without reading its entries.
    mutating func skipVector() -> Bool {
        guard unsigned(width: 4) != nil, let size = unsigned(width: 4) else { return false }
        return skip(8 + Int(size))
    }

    /// The stored vector's cosine with `unit` as ``StoryVector/cosine(unit:with:cap:)`` computes
    /// it, by merging the two hash orders: no key is decoded or hashed.
    mutating func cosine(unit: HashedVector, cap: Double) -> Double? {
        guard let count = unsigned(width: 4).map(Int.init), let size = unsigned(width: 4).map(Int.init),
            let length = double(), size <= bytes.count - offset
        else { return nil }
        let end = offset + size
        guard length > 0, !unit.entries.isEmpty else {
            offset = end
            return 0
        }
        let scale = 1 / length
        var sum: Double = 0
        var next = 0
        for _ in 0..<count {
            guard end - offset >= 14, let hash = unsigned(width: 8), let bits = unsigned(width: 4),
                let keyLength = unsigned(width: 2), skip(Int(keyLength)), offset <= end
            else { return nil }
            while next < unit.entries.count, unit.entries[next].hash < hash { next += 1 }
            if next < unit.entries.count, unit.entries[next].hash == hash {
                let weight = Double(Float(bitPattern: UInt32(bits)))
                sum += min(cap, Double(unit.entries[next].weight) * weight * scale)
            }
        }
        return offset == end ? sum : nil
    }
}

/// An article's term or key vector by stable hash in ascending order, to be merged with stored
/// profile vectors (see ``ProfileRecordReader/cosine(unit:cap:)``).
struct HashedVector {
    /// The entries, ascending by hash.
    let entries: [(hash: UInt64, weight: Float)]

    init(_ vector: [String: Float]) {
        entries = vector.map { (StableHash.of($0.key), $0.value) }.sorted { $0.hash < $1.hash }
    }
}
