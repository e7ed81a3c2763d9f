// TEMPORARY: replaced by the real analysis files.
import Foundation
import GRDB

public struct DetectedLanguage: Sendable, Equatable {
    public var code: String
    public var confidence: Double
}
public enum LanguageDetector {
    public static func detect(_ text: String) -> DetectedLanguage {
        text.contains(" les ") ? .init(code: "fr", confidence: 0.9) : .init(code: "en", confidence: 0.9)
    }
}
public struct Token: Sendable, Equatable {
    public var term: String
    public var range: Range<Int>
}
public struct Analyzer: Sendable {
    public let language: String
    public init(language: String) { self.language = language }
    public var hasStemmer: Bool { false }
    public func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        var start: Int? = nil
        var offset = 0
        var current = ""
        for s in text.unicodeScalars {
            let n = String(s).utf8.count
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                if start == nil { start = offset }
                current.unicodeScalars.append(s)
            } else if let st = start {
                out.append(Token(term: Analyzer.fold(current), range: st..<offset)); start = nil; current = ""
            }
            offset += n
        }
        if let st = start { out.append(Token(term: Analyzer.fold(current), range: st..<offset)) }
        return out
    }
    public func terms(in text: String) -> [String] { tokens(in: text).map(\.term) }
    public static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
public enum QueryAnalysis {
    public static func alternatives(for word: String, languages: [String]) -> [String] {
        Analyzer(language: "und").terms(in: word).prefix(1).map { $0 }
    }
}
public final class NewsTokenizer: FTS5CustomTokenizer {
    public static let name = "newsdrop"
    public static func marked(_ text: String, language: String) -> String { "\u{1}\(language)\u{1}" + text }
    public init(db: Database, arguments: [String]) throws {}
    public func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
        nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText else { return 0 }
        let buf = UnsafeRawBufferPointer(start: pText, count: Int(nText))
        var text = String(decoding: buf, as: UTF8.self)
        var shift = 0
        if text.hasPrefix("\u{1}"), let end = text.dropFirst().firstIndex(of: "\u{1}") {
            shift = text.utf8.distance(from: text.startIndex, to: text.index(after: end))
            text = String(text[text.index(after: end)...])
        }
        for t in Analyzer(language: "und").tokens(in: text) {
            let rc = t.term.withCString { p in
                tokenCallback(context, 0, p, Int32(strlen(p)), Int32(t.range.lowerBound + shift), Int32(t.range.upperBound + shift))
            }
            if rc != 0 { return rc }
        }
        return 0
    }
}
