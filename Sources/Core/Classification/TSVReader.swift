/// Splits tab-separated text with CSV quoting into rows of fields, as Python's `csv` module does
/// with `delimiter='\t'`.
///
/// A field that starts with a double quote runs to the next lone double quote and may hold tabs and
/// line breaks; `""` inside it is one quote. A quote elsewhere in a field is an ordinary character.
/// Rows end at `\n` or `\r\n`; empty lines are skipped. Works on UTF-8 bytes, since every
/// delimiter is ASCII and cannot occur inside a multi-byte character.
struct TSVReader {
    /// One row with the line of the file it starts on (1-based), for error messages.
    struct Row: Equatable {
        /// The line the row starts on.
        var line: Int

        /// The fields, unquoted.
        var fields: [String]
    }

    /// A problem in the text, with the line it was found on.
    struct Failure: Error, Equatable {
        /// The 1-based line.
        var line: Int

        /// What is wrong and how to fix it.
        var reason: String
    }

    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    /// Reads every row of `bytes`.
    ///
    /// Throws ``Failure`` only for a quoted field that is never closed: everything else has a
    /// reading, as in Python's lenient default dialect (text after a closing quote is kept).
    static func rows(in bytes: [UInt8]) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var index = 0
        var isRowStarted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            // A row that is one empty field is a blank line, not a record.
            if fields.count > 1 || !fields[0].isEmpty { rows.append(Row(line: rowLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            isRowStarted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if !isRowStarted {
                isRowStarted = true
                rowLine = line
            }
            if byte == quote && field.isEmpty {
                // A quoted field: copy until the closing quote, keeping tabs and line breaks.
                let openedOn = line
                index += 1
                var isClosed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        isClosed = true
                        index += 1
                        break
                    }
                    if inner == newline { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard isClosed else {
                    throw Failure(
                        line: openedOn,
                        reason: "the quoted field opened here is never closed (close it with a double quote, "
                            + "and write a quote inside a field as \"\")")
                }
                continue
            }
            switch byte {
            case tab:
                endField()
            case newline:
                endRow()
                line += 1
            case carriageReturn where index + 1 < bytes.count && bytes[index + 1] == newline:
                break
            default:
                field.append(byte)
            }
            index += 1
        }
        if isRowStarted { endRow() }
        return rows
    }
}
