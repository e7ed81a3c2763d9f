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
        return array(topics, bytesEach: 40) { topic, json in
            json += #""label":"#.utf8
            appendString(topic.label, to: &json)
            json += #","score":"#.utf8
            json += number(topic.score).utf8
        }
    }

    /// `[{"id":…,"name":…,"kind":…,"mentions":…},…]`, in the order given.
    static func text(of entities: [Entity]) -> String {
        array(entities, bytesEach: 80) { entity, json in
            json += #""id":"#.utf8
            appendString(entity.id, to: &json)
            json += #","name":"#.utf8
            appendString(entity.name, to: &json)
            json += #","kind":"#.utf8
            appendString(entity.kind.rawValue, to: &json)
            json += #","mentions":"#.utf8
            json += String(entity.mentions).utf8
        }
    }

    /// `[{…},{…}]`: one object per item, its members written by `members` between the braces.
    private static func array<Item>(
        _ items: [Item], bytesEach: Int, _ members: (Item, inout [UInt8]) -> Void
    ) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(bytesEach * items.count + 2)
        for (position, item) in items.enumerated() {
            json += (position > 0 ? ",{" : "{").utf8
            members(item, &json)
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// A finite number as `JSONEncoder` writes it: the shortest form that reads back exactly,
    /// without a trailing `.0` (`1`, `0.125`, `1e-05`).
    private static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Appends `string` quoted, escaping what JSON requires: the quote, the backslash and control
    /// characters. Byte by byte: every byte JSON escapes is ASCII, which UTF-8 never uses inside a
    /// longer character.
    private static func appendString(_ string: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json += [UInt8(ascii: "\\"), byte]
            case 0x0A: json += #"\n"#.utf8
            case 0x0D: json += #"\r"#.utf8
            case 0x09: json += #"\t"#.utf8
            case 0x08: json += #"\b"#.utf8
            case 0x0C: json += #"\f"#.utf8
            case ..<0x20:
                json += #"\u00"#.utf8
                json += (byte < 0x10 ? "0" : "").utf8
                json += String(byte, radix: 16).utf8
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
