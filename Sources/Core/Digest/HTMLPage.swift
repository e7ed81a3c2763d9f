/// A small HTML writer: elements with escaped text, for pages the project writes itself.
///
/// Text and attribute values always go through ``escaped(_:)``; only ``raw(_:)`` takes markup, for
/// fragments this module built the same way (the charts).
struct HTMLPage {
    private var body = ""

    /// Appends `<name class="…">text</name>`, the text escaped.
    mutating func element(_ name: String, _ text: String, class className: String? = nil) {
        open(name, class: className)
        body += Self.escaped(text)
        close(name)
    }

    /// Appends an opening tag.
    mutating func open(_ name: String, class className: String? = nil) {
        body += "<\(name)" + (className.map { " class=\"\(Self.escaped($0))\"" } ?? "") + ">"
    }

    /// Appends a closing tag and a line break, so the page source reads line by line.
    mutating func close(_ name: String) {
        body += "</\(name)>\n"
    }

    /// Appends markup as it is.
    mutating func raw(_ markup: String) {
        body += markup
    }

    /// The whole document: doctype, UTF-8, a viewport for phones, the title and inline style.
    func document(title: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escaped(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// `text` safe as element content and as a quoted attribute value.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
