/// A person, organisation or place an article names, under one id whatever the language.
public struct Entity: Sendable, Hashable, Codable {
    /// What an entity is.
    public enum Kind: String, Sendable, Codable {
        case person, organisation, place
    }

    /// The canonical id: `NATO`, `RU`, `city:moscow`, `person:sergei-lavrov`.
    public var id: String
    /// The display name: "NATO", "Russia", "Sergei Lavrov".
    public var name: String
    /// Person, organisation or place.
    public var kind: Kind

    /// Creates an entity.
    public init(id: String, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
