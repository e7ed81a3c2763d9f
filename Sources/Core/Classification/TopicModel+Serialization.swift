import Foundation

/// The topic model file: compact, versioned, checksummed, the same bytes for the same model.
///
/// Layout, little-endian: the magic `NDTOPIC` and a zero byte; the format version (UInt32, now 2); the
/// number of languages (UInt32); then for each language in code order: its code, its label count
/// (UInt32) and sorted labels, the headline weight (Float32), whether bigrams are features (UInt8, 0 or 1),
/// the shortest and longest character n-gram (UInt8 each, both 0 for none; absent in version 1),
/// the calibration scale (Float32), its feature count (UInt32), the sorted
/// features, their IDF (Float32 each), the weights feature-major (Float32 × features × labels) and the
/// bias per label (Float32). Strings are a UInt16 byte count and UTF-8. The file ends with the FNV-1a
/// 64-bit hash of everything before it, so a truncated or damaged file is refused, not half-used.
extension TopicModel {
    /// The first bytes of every topic model file.
    static let magic = Array("NDTOPIC\0".utf8)

    /// The version of the layout this build writes.
    ///
    /// Version 2 added the character n-gram lengths; version 1 files (words only) are still read.
    static let formatVersion: UInt32 = 2

    /// Loads a model file written by ``data()``.
    public init(contentsOf url: URL) throws(TopicModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TopicModelError(
                code: .unreadable,
                message: "Cannot read the topic model '\(url.path)' (check that the file exists and is readable)",
                cause: error)
        }
        do {
            try self.init(data: data)
        } catch {
            throw error.naming(url.path)
        }
    }

    /// Decodes a model from the bytes of a model file; throws for a foreign, damaged or newer file.
    public init(data: Data) throws(TopicModelError) {
        let bytes = Array(data)
        guard bytes.count >= Self.magic.count + 12, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw TopicModelError(
                code: .foreign,
                message: "this is not a Newsdrop topic model (train one with `newsdrop train --out MODEL`)")
        }
        let body = bytes.dropLast(8)
        let stored = bytes.suffix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var reader = ModelByteReader(bytes, range: Self.magic.count..<body.count)
        let version = try reader.read(UInt32.self)
        guard version == 1 || version == Self.formatVersion else {
            throw TopicModelError(
                code: .unsupportedVersion,
                message: "the topic model has format version \(version) but this build reads version "
                    + "\(Self.formatVersion) (retrain it with this build's `newsdrop train`)")
        }
        guard ModelByteWriter.checksum(body) == stored else {
            throw TopicModelError(code: .corrupt, message: "the checksum does not match" + ModelByteReader.fix)
        }
        self.init(classifiers: try Self.readClassifiers(&reader, hasCharacterGrams: version >= 2))
    }

    /// The model file's bytes; the same model always gives the same bytes.
    public func data() -> Data {
        var writer = ModelByteWriter()
        writer.write(bytes: Self.magic)
        writer.write(Self.formatVersion)
        writer.write(UInt32(classifiers.count))
        for language in languages {
            let classifier = classifiers[language]!  // languages are the keys
            writer.write(language)
            writer.write(UInt32(classifier.labels.count))
            for label in classifier.labels { writer.write(label) }
            writer.write([Float(classifier.features.titleWeight)])
            writer.write(UInt8(classifier.features.usesBigrams ? 1 : 0))
            let grams = classifier.features.characterGrams
            writer.write(UInt8(grams?.minimumLength ?? 0))  // CharacterGrams keeps both lengths within a byte
            writer.write(UInt8(grams?.maximumLength ?? 0))
            writer.write([classifier.scale])
            writer.write(UInt32(classifier.vocabulary.count))
            for term in classifier.vocabulary.terms { writer.write(term) }
            writer.write(classifier.vocabulary.idf)
            writer.write(classifier.weights)
            writer.write(classifier.bias)
        }
        writer.write(ModelByteWriter.checksum(writer.bytes))
        return Data(writer.bytes)
    }

    private static func readClassifiers(
        _ reader: inout ModelByteReader, hasCharacterGrams: Bool
    ) throws(TopicModelError) -> [String: LinearTopicClassifier] {
        var classifiers: [String: LinearTopicClassifier] = [:]
        let languageCount = try reader.read(UInt32.self)
        for _ in 0..<languageCount {
            let language = try reader.readString()
            let labelCount = Int(try reader.read(UInt32.self))
            // Each label takes at least its 2-byte length, which bounds a damaged count before allocating.
            var labels: [String] = []
            for _ in 0..<labelCount { labels.append(try reader.readString()) }
            let titleWeight = try reader.readFloats(count: 1)[0]
            let usesBigrams = try reader.read(UInt8.self)
            let shortestGram = hasCharacterGrams ? try reader.read(UInt8.self) : 0
            let longestGram = hasCharacterGrams ? try reader.read(UInt8.self) : 0
            let grams = CharacterGrams(minimumLength: Int(shortestGram), maximumLength: Int(longestGram))
            let scale = try reader.readFloats(count: 1)[0]
            let featureCount = Int(try reader.read(UInt32.self))
            var terms: [String] = []
            terms.reserveCapacity(min(featureCount, 1 << 20))
            for _ in 0..<featureCount { terms.append(try reader.readString()) }
            let idf = try reader.readFloats(count: featureCount)
            // Both counts are bounded by the strings read, so this cannot overflow in a file that fits in memory;
            // the check keeps a crafted header from trapping all the same.
            let (weightCount, overflows) = featureCount.multipliedReportingOverflow(by: labelCount)
            guard !overflows else { throw ModelByteReader.truncated }
            let weights = try reader.readFloats(count: weightCount)
            let bias = try reader.readFloats(count: labelCount)
            guard labelCount >= 1, Set(labels).count == labelCount, usesBigrams <= 1, classifiers[language] == nil,
                grams != nil || (shortestGram == 0 && longestGram == 0)
            else {
                throw TopicModelError(
                    code: .corrupt, message: "the model of '\(language)' is empty or repeated" + ModelByteReader.fix)
            }
            classifiers[language] = LinearTopicClassifier(
                labels: labels,
                features: TopicFeatures(
                    titleWeight: Double(titleWeight), usesBigrams: usesBigrams == 1, characterGrams: grams),
                vocabulary: TopicVocabulary(terms: terms, idf: idf), weights: weights, bias: bias, scale: scale)
        }
        guard reader.isAtEnd else {
            throw TopicModelError(
                code: .corrupt, message: "the model file has bytes after its end" + ModelByteReader.fix)
        }
        return classifiers
    }
}
