/// A person, organisation or place named in an article, under its canonical id.
///
/// Ids are stable across documents and languages, so stored entities can be searched with
/// `entity:ID`: ISO 3166-1 alpha-2 codes for countries (`RU`), `city:` + English slug for capitals
/// (`city:moscow`), an upper-case acronym for organisations (`NATO`), and `person:` + the slug of the
/// normalised full name for people (`person:sergei-lavrov`).
public struct Entity: Sendable, Hashable, Codable {
    /// What kind of thing an entity is.
    public enum Kind: String, Sendable, Codable {
        /// A person, found in the text itself.
        case person
        /// An international organisation, or a seat of power named for its occupants ("Kremlin").
        case organisation
        /// A country or a capital.
        case place
    }

    /// The canonical id: `RU`, `city:kyiv`, `NATO`, `person:maria-zakharova`.
    public var id: String
    /// The display name: the English name for gazetteer entries, the most complete form written in
    /// the article for people.
    public var name: String
    /// Person, organisation or place.
    public var kind: Kind
    /// How many times the article names the entity, under any alias (title included).
    public var mentions: Int

    /// Creates an entity.
    public init(id: String, name: String, kind: Kind, mentions: Int = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mentions = mentions
    }
}
