extension French {
    /// A number as written in French, without grouping (years read « 1998 »): `48.11` → « 48,11 ».
    public static func decimal(_ number: Double) -> String {
        NumberRule.show(number).replacingOccurrences(of: ".", with: ",")
    }
}
