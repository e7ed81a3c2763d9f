extension StoryProfile {
    /// The format byte of a similarity record (``similarityRecord(of:)``): a record of
    /// ``binaryFormat`` cut down to what comparing reads. Never stored, so never decoded.
    static let similarityFormat: UInt8 = 0x83

    /// What placement compares of the profile stored as `record`: the same layout, read by the same
    /// ``similarity(record:terms:keys:language:)`` and ``eventSpan(record:)``, with the keys' text
    /// left out of its vectors (their hashes stay), no headline and empty headline vectors. Nil
    /// for a record of an older format (keep it whole: it is compared by decoding it).
    ///
    /// About a third of the record's size, so the profile cache (``StoryProfileCache``) holds
    /// twice the stories in less memory: reading the records it lacked was the largest part of
    /// placing an article. A similarity record cannot be decoded (``init(id:encoded:)`` refuses
    /// its format): a join reads the whole record.
    static func similarityRecord(of record: [UInt8]) -> [UInt8]? {
        // Copied with loads and stores into a scratch buffer of the record's size (the result is
        // smaller), then into an array of its own size, which the cache keeps: appending byte by
        // byte took longer than reading the record from SQLite.
        record.withUnsafeBytes { source in
            withUnsafeTemporaryAllocation(byteCount: source.count, alignment: 1) { scratch in
                var copier = SimilarityRecordCopier(source: source, target: scratch)
                guard copier.copy() else { return nil }
                return [UInt8](UnsafeRawBufferPointer(rebasing: scratch[..<copier.written]))
            }
        }
    }
}

/// Copies a record of ``StoryProfile/binaryFormat`` into a similarity record, reading and writing
/// in place; every read is checked against the record's end.
private struct SimilarityRecordCopier {
    let source: UnsafeRawBufferPointer
    let target: UnsafeMutableRawBufferPointer
    var read = 0
    var written = 0

    /// Copies the whole record; false when it is cut short or of another format.
    mutating func copy() -> Bool {
        guard source.count >= 3, source[0] == StoryProfile.binaryFormat, let headline = integer(at: 1, width: 2)
        else { return false }
        read = 3 + headline
        put(StoryProfile.similarityFormat)
        putZeros(2)  // no headline
        // The headline's document, the languages, the counts, times and span: copied as they are.
        let copied = read
        guard skip(8), let languages = integer(at: read, width: 8), skip(8) else { return false }
        for _ in 0..<languages {
            guard let length = integer(at: read, width: 2), skip(2 + length) else { return false }
        }
        guard skip(48), let centroids = integer(at: read, width: 8), skip(8) else { return false }
        append(copied..<read)
        for _ in 0..<centroids {
            let language = read
            guard let length = integer(at: read, width: 2), skip(2 + length) else { return false }
            append(language..<read)
            guard copyHashes() else { return false }
        }
        // What follows holds at least as many bytes as the tail written in its place: the result
        // never outgrows the record.
        guard copyHashes(), source.count - read >= 34 else { return false }
        putZeros(34)  // the headline's terms and keys (two empty vectors), its language (empty)
        return true
    }

    /// Copies a vector's header and its entries' hashes and weights, each with an empty key.
    private mutating func copyHashes() -> Bool {
        guard let count = integer(at: read, width: 4), let size = integer(at: read + 4, width: 4),
            source.count - read >= 16 + size
        else { return false }
        let end = read + 16 + size
        withUnsafeBytes(of: UInt32(count).littleEndian) { put($0) }
        withUnsafeBytes(of: UInt32(count * 14).littleEndian) { put($0) }
        append(read + 8..<read + 16)  // the length
        read += 16
        for _ in 0..<count {
            guard end - read >= 14, let length = integer(at: read + 12, width: 2) else { return false }
            append(read..<read + 12)
            putZeros(2)
            read += 14 + length
        }
        return read == end
    }

    /// The unsigned little-endian number of `width` bytes at `offset`; nil past the end or when it
    /// does not fit a count.
    private func integer(at offset: Int, width: Int) -> Int? {
        guard offset >= 0, source.count - offset >= width else { return nil }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(source[offset + index]) << UInt64(8 * index) }
        return value <= UInt64(source.count) ? Int(value) : nil
    }

    private mutating func skip(_ count: Int) -> Bool {
        guard source.count - read >= count else { return false }
        read += count
        return true
    }

    private mutating func append(_ range: Range<Int>) {
        target.baseAddress!.advanced(by: written).copyMemory(
            from: source.baseAddress!.advanced(by: range.lowerBound), byteCount: range.count)
        written += range.count
    }

    private mutating func put(_ byte: UInt8) {
        target[written] = byte
        written += 1
    }

    private mutating func putZeros(_ count: Int) {
        for _ in 0..<count { put(0) }
    }

    private mutating func put(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { put(byte) }
    }
}
