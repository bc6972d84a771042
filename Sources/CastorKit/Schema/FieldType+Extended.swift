/// The field types added for the network's databases (issue 13): numbers with bounds, and
/// references to the items of another collection.

/// `type: number` with optional `min`, `max` and `decimals` (digits allowed after the point).
public struct NumberRule: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    /// At most this many digits after the decimal point (0: whole numbers); nil: any.
    public var decimals: Int?

    public init(min: Double? = nil, max: Double? = nil, decimals: Int? = nil) {
        self.min = min
        self.max = max
        self.decimals = decimals
    }

    /// « un nombre entier entre 1900 et 2100 ».
    public var frenchDescription: String {
        var text = decimals == 0 ? "un nombre entier" : "un nombre"
        switch (min, max) {
        case (let low?, let high?): text += " entre \(NumberRule.show(low)) et \(NumberRule.show(high))"
        case (let low?, nil): text += " à partir de \(NumberRule.show(low))"
        case (nil, let high?): text += " jusqu'à \(NumberRule.show(high))"
        case (nil, nil): break
        }
        if let decimals, decimals > 0 {
            text += decimals == 1 ? ", avec au plus un chiffre après le point" : ", avec au plus \(decimals) chiffres après le point"
        }
        return text
    }

    /// `48.11`, `1900`, `-4.5`: a number as written in YAML.
    static func show(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// `type: reference` / `references`: items of the collection `collection`, written by their
/// slug (`scic`) or, when two items share it, by their path inside the collection's folder
/// without `.md` (`structures-juridiques/scic`). `group` restricts the items to one group of
/// a grouped collection (one group); `backlinks` is the heading under which the target's
/// page lists the items that name it; `inverse` is the field of the target that should name
/// this item back (`castor check` warns when it does not).
public struct ReferenceRule: Sendable, Hashable {
    public let collection: String
    public let group: String?
    public let backlinks: String?
    public let inverse: String?

    public init(collection: String, group: String? = nil, backlinks: String? = nil, inverse: String? = nil) {
        self.collection = collection
        self.group = group
        self.backlinks = backlinks
        self.inverse = inverse
    }
}

extension FieldType {
    /// The rule of a reference or references field, else nil.
    public var reference: ReferenceRule? {
        switch self {
        case .reference(let rule), .references(let rule): return rule
        default: return nil
        }
    }
}

extension CollectionSchema {
    /// The fields of the collection that name items of another one.
    public var referenceFields: [(spec: FieldSpec, rule: ReferenceRule)] {
        fields.compactMap { spec in spec.type.reference.map { (spec, $0) } }
    }
}
