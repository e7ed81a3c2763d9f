import Foundation

/// The JSON text of a document's topics and entities as the `documents` table stores them, written
/// by hand.
///
/// The same JSON as `JSONEncoder` writes for `[TopicScore]` and `[Entity]`, read back with
/// `JSONDecoder` as before (only the key order, which `JSONEncoder` leaves unspecified, is now
/// fixed): the encoder cost about 2 % of an ingest's CPU, in the single writer. A value JSON cannot
/// hold (a score that is not finite) goes through `JSONEncoder`, which refuses it as it always did.
enum LabelJSON {
    /// `[{"label":…,"score":…},…]`, best first as given.
    static func text(of topics: [TopicScore]) throws -> String {
        guard topics.allSatisfy(\.score.isFinite) else {
            return String(decoding: try JSONEncoder().encode(topics), as: UTF8.self)
        }
        var json = "["
        for (position, topic) in topics.enumerated() {
            if position > 0 { json += "," }
            json += "{\"label\":"
            appendString(topic.label, to: &json)
            json += ",\"score\":"
            json += number(topic.score)
            json += "}"
        }
        return json + "]"
    }

    /// `[{"id":…,"name":…,"kind":…,"mentions":…},…]`, in the order given.
    static func text(of entities: [Entity]) -> String {
        var json = "["
        for (position, entity) in entities.enumerated() {
            if position > 0 { json += "," }
            json += "{\"id\":"
            appendString(entity.id, to: &json)
            json += ",\"name\":"
            appendString(entity.name, to: &json)
            json += ",\"kind\":"
            appendString(entity.kind.rawValue, to: &json)
            json += ",\"mentions\":\(entity.mentions)}"
        }
        return json + "]"
    }

    /// A finite number as `JSONEncoder` writes it: the shortest form that reads back exactly,
    /// without a trailing `.0` (`1`, `0.125`, `1e-05`).
    private static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `\u001f`: a control character without a short escape.
    private static func controlEscape(_ value: UInt32) -> String {
        "\\u00" + (value < 0x10 ? "0" : "") + String(value, radix: 16)
    }

    /// Appends `string` quoted, escaping what JSON requires: the quote, the backslash and control
    /// characters.
    private static func appendString(_ string: String, to json: inout String) {
        json += "\""
        var start = string.unicodeScalars.startIndex
        var position = start
        let scalars = string.unicodeScalars
        while position < scalars.endIndex {
            let scalar = scalars[position]
            let escape: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "\u{08}": "\\b"
                case "\u{0C}": "\\f"
                case _ where scalar.value < 0x20: controlEscape(scalar.value)
                default: nil
                }
            if let escape {
                json.unicodeScalars.append(contentsOf: scalars[start..<position])
                json += escape
                start = scalars.index(after: position)
            }
            position = scalars.index(after: position)
        }
        json.unicodeScalars.append(contentsOf: scalars[start..<scalars.endIndex])
        json += "\""
    }
}
