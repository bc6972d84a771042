/// Checks that only apply outside drafts: what `castor new` leaves for the volunteer to fill
/// may stay in a draft, but must not reach the site.
enum PublicationRules {
    /// A contact that reaches no one: the placeholder of `castor new annonce`, or any address
    /// of the reserved `.invalid` domain. An error outside drafts (the ad would be published
    /// with it, and answers would be lost), nothing in a draft.
    static func unreachableContact(fields: [String: FieldValue], positions: [String: SourcePosition], file: String) -> [Diagnostic] {
        guard fields["draft"] != .bool(true), let contact = fields["contact"]?.text else { return [] }
        let address = contact.trimmingCharacters(in: .whitespaces).lowercased()
        guard address == Scaffold.placeholderContact || address.hasSuffix(".invalid") else { return [] }
        let what = address == Scaffold.placeholderContact ? "le contact est encore celui que castor new a écrit" : "le contact est une adresse qui n'existe pas"
        return [
            .error(
                file, positions["contact"] ?? .unknown,
                "\(what) (« \(contact) ») : personne ne recevrait les réponses",
                hint: "remplacez-le par un vrai contact (e-mail, téléphone ou adresse web, qui sera public) ; tant qu'il manque, remettez « draft: true » : un brouillon n'est pas publié")
        ]
    }
}

import Foundation
