/// What an ad's contact is: volunteers write an e-mail, a phone number or a web address.
public enum ContactKind: Sendable, Equatable {
    case email
    case phone
    case web

    public init?(_ text: String) {
        if SiteConfig.isWebAddress(text) {
            self = .web
        } else if ContactKind.isEmail(text) {
            self = .email
        } else if ContactKind.isPhone(text) {
            self = .phone
        } else {
            return nil
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return parts[0].allSatisfy(allowedLocal.contains) && parts[1].allSatisfy(allowedDomain.contains)
            && !parts[1].contains("..")
    }

    /// French numbers (`06 12 34 56 78`, `06.12.34.56.78`) and international ones (`+33 6 12 34 56 78`).
    static func isPhone(_ text: String) -> Bool {
        let allowed = Set("0123456789 .-()+")
        guard text.allSatisfy(allowed.contains) else { return false }
        let digits = text.filter(\.isNumber)
        if text.hasPrefix("+") { return (8...15).contains(digits.count) }
        return digits.count == 10 && digits.hasPrefix("0")
    }
}
