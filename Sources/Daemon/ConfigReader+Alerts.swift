import Core
import TOMLKit

extension ConfigReader {
    /// The `[[alert]]` tables: each with a unique `name`, a `query` in the search syntax and an
    /// optional `priority` (a syslog level name or 0...7, default "notice").
    func alerts(_ key: String) throws(ConfigError) -> [AlertRule] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw ConfigError(path: path, "'\(key)' must be written as [[\(key)]] tables, each with a name and a query")
        }
        var rules: [AlertRule] = []
        for (index, element) in array.enumerated() {
            let position = "[[\(key)]] number \(index + 1)"
            guard let entry = element.table else {
                throw ConfigError(path: path, "\(position) must be a table with a name and a query")
            }
            for unknown in entry.keys where !["name", "query", "priority"].contains(unknown) {
                throw ConfigError(
                    path: path, "\(position) has an unknown key '\(unknown)' (known: name, query, priority)")
            }
            guard let name = entry["name"]?.string, !name.isEmpty else {
                throw ConfigError(path: path, "\(position) needs a name, e.g. name = \"nato-russia\"")
            }
            if rules.contains(where: { $0.name == name }) {
                throw ConfigError(path: path, "has two alerts named '\(name)': names must be unique")
            }
            guard let text = entry["query"]?.string else {
                throw ConfigError(
                    path: path, "alert '\(name)' needs a query, e.g. query = \"entity:NATO AND entity:RU\"")
            }
            let query: SearchQuery
            do {
                query = try SearchQuery(parsing: text)
            } catch {
                throw ConfigError(path: path, "alert '\(name)' has a query that cannot be used: \(error.message)")
            }
            var priority = 5
            if let given = entry["priority"] {
                guard let level = given.int.map(String.init) ?? given.string,
                    let parsed = AlertRule.priority(named: level)
                else {
                    throw ConfigError(
                        path: path,
                        "alert '\(name)' has priority \(given.debugDescription): use one of "
                            + AlertRule.priorityNames.joined(separator: ", ") + " or a number 0 to 7")
                }
                priority = parsed
            }
            rules.append(AlertRule(name: name, query: query, priority: priority))
        }
        return rules
    }
}
