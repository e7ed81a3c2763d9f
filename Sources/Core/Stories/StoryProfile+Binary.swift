import Foundation

/// The stored form of a profile: a small binary record rather than JSON.
///
/// A profile is written every time its story takes an article and read for every candidate story
/// whose cached copy is stale; as JSON, encoding alone took a third of the time of placing an
/// article. The id is the row's, not stored again. Layout (little-endian): a format byte, then the
/// fields in declaration order without the id; integers
/// as 8 bytes, dates as 8-byte doubles, strings as a 2-byte length and UTF-8, vectors as a
/// 4-byte count and (string, 4-byte float) pairs.
extension StoryProfile {
    /// The format byte written first, so a later layout can tell old records apart.
    static let binaryFormat: UInt8 = 1

    /// The profile as a binary record.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(4096)
        writer.byte(Self.binaryFormat)
        writer.string(headline)
        writer.integer(headlineDocID)
        writer.integer(Int64(languages.count))
        for language in languages { writer.string(language) }
        writer.integer(Int64(size))
        writer.integer(Int64(duplicates))
        writer.double(firstSeen.timeIntervalSince1970)
        writer.double(lastSeen.timeIntervalSince1970)
        writer.integer(Int64(centroids.count))
        for (language, centroid) in centroids.sorted(by: { $0.key < $1.key }) {
            writer.string(language)
            writer.vector(centroid)
        }
        writer.vector(keys)
        writer.vector(headlineTerms)
        writer.vector(headlineKeys)
        writer.string(headlineLanguage)
        return writer.bytes
    }

    /// Reads the record of story `id` written by ``encoded()``; nil when it is cut short or of
    /// another format.
    public init?(id: Int64, encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard reader.byte() == Self.binaryFormat,
            let headline = reader.string(), let headlineDocID = reader.integer(),
            let languageCount = reader.count()
        else { return nil }
        var languages: [String] = []
        for _ in 0..<languageCount {
            guard let language = reader.string() else { return nil }
            languages.append(language)
        }
        guard let size = reader.integer(), let duplicates = reader.integer(), let firstSeen = reader.double(),
            let lastSeen = reader.double(), let centroidCount = reader.count()
        else { return nil }
        var centroids: [String: [String: Float]] = [:]
        for _ in 0..<centroidCount {
            guard let language = reader.string(), let centroid = reader.vector() else { return nil }
            centroids[language] = centroid
        }
        guard let keys = reader.vector(), let headlineTerms = reader.vector(), let headlineKeys = reader.vector(),
            let headlineLanguage = reader.string(), reader.isAtEnd
        else { return nil }
        self.id = id
        self.headline = headline
        self.headlineDocID = headlineDocID
        self.languages = languages
        self.size = Int(size)
        self.duplicates = Int(duplicates)
        self.firstSeen = Date(timeIntervalSince1970: firstSeen)
        self.lastSeen = Date(timeIntervalSince1970: lastSeen)
        self.centroids = centroids
        self.keys = keys
        self.headlineTerms = headlineTerms
        self.headlineKeys = headlineKeys
        self.headlineLanguage = headlineLanguage
    }
}

/// Appends little-endian values to a byte array.
private struct ByteWriter {
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
        var utf8 = Array(value.utf8)
        if utf8.count > Int(UInt16.max) {
            utf8 = Array(String(decoding: utf8.prefix(Int(UInt16.max) - 3), as: UTF8.self).utf8)
        }
        withUnsafeBytes(of: UInt16(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }

    mutating func vector(_ vector: [String: Float]) {
        withUnsafeBytes(of: UInt32(vector.count).littleEndian) { bytes.append(contentsOf: $0) }
        for (key, weight) in vector {
            string(key)
            withUnsafeBytes(of: weight.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }
}

/// Reads what ``ByteWriter`` wrote; every read is nil past the end.
private struct ByteReader {
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
        guard bytes.count - offset >= width else { return nil }
        var value: UInt64 = 0
        for index in 0..<width {
            value |= UInt64(bytes[offset + index]) << UInt64(8 * index)
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

    mutating func vector() -> [String: Float]? {
        guard let count = unsigned(width: 4).map(Int.init), count <= bytes.count - offset else { return nil }
        var vector: [String: Float] = [:]
        vector.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = string(), let bits = unsigned(width: 4) else { return nil }
            vector[key] = Float(bitPattern: UInt32(bits))
        }
        return vector
    }
}
