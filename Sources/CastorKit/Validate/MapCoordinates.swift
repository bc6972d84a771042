/// The coordinates of an item of a collection with a map (`map: {latitude, longitude}`):
/// numbers inside metropolitan France, with at most two decimals (about 1 km), so that no home
/// address is published, and both or neither.
enum MapCoordinates {
    static func problems(fields: [String: FieldValue], positions: [String: SourcePosition], schema: CollectionSchema, file: String)
        -> [Diagnostic]
    {
        guard let map = schema.publishing.map, let latitudeKey = map.latitude, let longitudeKey = map.longitude else { return [] }
        var problems: [Diagnostic] = []
        var values: [String: Double] = [:]
        for (key, range, name) in [
            (latitudeKey, CollectionMap.latitudes, "latitude"), (longitudeKey, CollectionMap.longitudes, "longitude"),
        ] {
            guard let value = fields[key] else { continue }
            let position = positions[key] ?? SourcePosition(line: 1, column: 1)
            guard let number = CollectionMap.number(value) else {
                problems.append(
                    .error(file, position, "« \(key) » doit être un nombre (\(name) en degrés décimaux)",
                        hint: name == "latitude" ? "par exemple : \(key): 48.11" : "par exemple : \(key): -1.68"))
                continue
            }
            if !range.contains(number) {
                problems.append(
                    .error(file, position, "« \(key) » : \(show(number)) est hors de la France métropolitaine",
                        hint: "la \(name) va de \(show(range.lowerBound)) à \(show(range.upperBound)) ; vérifiez que latitude et longitude ne sont pas inversées"))
                continue
            }
            let scaled = number * 100
            if abs(scaled - scaled.rounded()) > 1e-6 {
                problems.append(
                    .error(file, position, "« \(key) » : \(show(number)) est trop précis, il montrerait une adresse",
                        hint: "arrondissez à deux chiffres après le point (environ 1 km) : \(key): \(show((scaled.rounded()) / 100))"))
                continue
            }
            values[key] = number
        }
        if problems.isEmpty, (fields[latitudeKey] == nil) != (fields[longitudeKey] == nil) {
            let present = fields[latitudeKey] == nil ? longitudeKey : latitudeKey
            let missing = present == latitudeKey ? longitudeKey : latitudeKey
            problems.append(
                .error(file, positions[present] ?? SourcePosition(line: 1, column: 1), "« \(present) » sans « \(missing) » : le point ne peut pas être placé sur la carte",
                    hint: "ajoutez « \(missing) », ou retirez « \(present) »"))
        }
        return problems
    }

    /// `48.11`, `-1.5`, `3`.
    static func show(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        return String(value)
    }
}
