/// Byte counts for people: `512 B`, `1.5 KiB`, `50.0 MiB`.
public enum ByteCount {
    public static func describe(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        // Round before choosing the unit, so 1,048,575 bytes read "1.0 MiB", not "1024.0 KiB".
        while unit < units.count - 1, (value * 10).rounded() / 10 >= 1024 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let tenths = (value * 10).rounded() / 10
        return "\(tenths) \(units[unit])"
    }
}
