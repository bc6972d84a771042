import Foundation

/// The values of the `number`, `reference` and `references` fields, checked one file at a
/// time. Whether a reference names an existing item is checked across files (`ReferenceCheck`).
extension Validator {
    func number(_ value: YAMLTree, spec: FieldSpec, rule: NumberRule, file: String) -> Result<FieldValue, DiagnosticList> {
        func fail(_ message: String, _ hint: String) -> Result<FieldValue, DiagnosticList> {
            .failure(DiagnosticList([.error(file, value.position, message, hint: hint)]))
        }
        guard case .scalar(let text, let kind, _) = value, kind == .int || kind == .float,
            let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite
        else {
            return fail("nombre invalide dans « \(spec.key) » : « \(value.text ?? "") »",
                "écrivez \(rule.frenchDescription), avec un point pour les décimales et sans espace (par exemple 48.11)")
        }
        if let low = rule.min, number < low {
            return fail("« \(spec.key) » vaut \(text), moins que le minimum \(NumberRule.show(low))", "« \(spec.key) » attend \(rule.frenchDescription)")
        }
        if let high = rule.max, number > high {
            return fail("« \(spec.key) » vaut \(text), plus que le maximum \(NumberRule.show(high))", "« \(spec.key) » attend \(rule.frenchDescription)")
        }
        if let decimals = rule.decimals {
            // Digits written after the point, trailing zeros aside (`48.10` has one).
            let written = text.split(separator: ".", maxSplits: 1).dropFirst().first.map { String($0.reversed().drop { $0 == "0" }).count } ?? 0
            if written > decimals || text.lowercased().contains("e") {
                let rounded = (number * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
                return fail(
                    decimals == 0
                        ? "« \(spec.key) » doit être un nombre entier : « \(text) »"
                        : "« \(spec.key) » a trop de chiffres après le point : « \(text) » (au plus \(decimals))",
                    "écrivez \(String(format: "%.\(decimals)f", rounded))" + (decimals > 0 ? " : arrondir évite de publier une adresse précise" : ""))
            }
        }
        return .success(.number(number))
    }

    /// A slug (`scic`) or a path inside the target collection's folder (`structures-juridiques/scic`),
    /// or a list of them: the form only; the targets are looked up by `ReferenceCheck`.
    func references(_ value: YAMLTree, spec: FieldSpec, file: String) -> Result<FieldValue, DiagnosticList> {
        let many: Bool
        if case .references = spec.type { many = true } else { many = false }
        let items: [YAMLTree]
        switch value {
        case .list(let list, _) where many: items = list
        case .scalar: items = [value]
        default:
            return .failure(DiagnosticList([
                .error(file, value.position, many ? "« \(spec.key) » doit être une liste de noms" : "« \(spec.key) » doit être un seul nom",
                    hint: "« \(spec.key) » attend \(spec.type.frenchDescription)")
            ]))
        }
        var names: [String] = []
        var problems: [Diagnostic] = []
        for item in items where !item.isEmpty {
            guard let text = item.text?.trimmingCharacters(in: .whitespaces) else {
                problems.append(.error(file, item.position, "« \(spec.key) » doit être une liste de noms simples", hint: "« \(spec.key) » attend \(spec.type.frenchDescription)"))
                continue
            }
            if let problem = Validator.referenceProblem(text) {
                problems.append(.error(file, item.position, "« \(spec.key) » : « \(text) » \(problem.message)", hint: problem.hint))
            } else if !names.contains(text) {
                names.append(text)
            }
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        return .success(many ? .list(names) : .text(names.first ?? ""))
    }

    /// Why a written reference is not a slug or a path of slugs, or nil.
    static func referenceProblem(_ text: String) -> (message: String, hint: String)? {
        var written = text
        if written.hasSuffix(".md") {
            written = String(written.dropLast(3))
            return ("se termine par .md", "écrivez le nom sans .md : « \(written) »")
        }
        let parts = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: { $0.isEmpty || Slug.make($0) != $0 }) {
            let fixed = parts.map { Slug.make($0) }.filter { !$0.isEmpty }.joined(separator: "/")
            return ("n'est pas un nom de fichier", "écrivez le nom du fichier sans .md, en minuscules et sans accent" + (fixed.isEmpty ? "" : ", par exemple « \(fixed) »"))
        }
        return nil
    }
}
