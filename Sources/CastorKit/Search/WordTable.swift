import Foundation

/// Words given as bytes, each mapped to a number, in an open-addressing table: a
/// lookup hashes the bytes (FNV-1a) and compares them on a hit, without making a `String` or
/// running SipHash per word met (that was most of the search analysis, issue 15).
struct WordTable {
    /// Entry number + 1 of each slot; 0: empty. A power of two long, at most half full.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// Where each entry's word starts in `bytes`, and its length.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var values: [Int32] = []
    /// Every entry's word, one after the other.
    private var bytes: [UInt8] = []

    /// `capacity`: words expected (the table grows past it).
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// Distinct words held.
    var count: Int { values.count }

    /// The number of `word`, nil if it is not in the table.
    func value(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let entry = Int(slots[slot(of: word, hash: Self.hash(word))]) - 1
        return entry < 0 ? nil : values[entry]
    }

    /// Adds `word` (not in the table) with its number.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        let hash = Self.hash(word)
        let slot = slot(of: word, hash: hash)
        precondition(slots[slot] == 0, "word already in the table")
        slots[slot] = Int32(values.count + 1)
        hashes.append(hash)
        starts.append(Int32(bytes.count))
        lengths.append(Int32(word.count))
        values.append(value)
        bytes.append(contentsOf: word)
        if values.count * 2 > slots.count { grow() }
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 || hashes[entry] == hash && lengths[entry] == word.count && holds(entry, word) { return slot }
            slot = (slot + 1) & mask
        }
    }

    private func holds(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(starts[entry]), base, word.count) == 0 }
    }

    /// Twice the slots, every entry placed again from its stored hash.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ hash >> 29) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// FNV-1a, 64 bits.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
