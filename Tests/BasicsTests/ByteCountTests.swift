import Basics
import Testing

@Suite("ByteCount")
struct ByteCountTests {
    @Test(
        "byte counts are described in binary units with one decimal",
        arguments: [
            (0, "0 B"), (1, "1 B"), (512, "512 B"), (1023, "1023 B"), (1024, "1.0 KiB"),
            (1536, "1.5 KiB"), (1024 + 51, "1.0 KiB"), (1024 + 52, "1.1 KiB"),
            (10 * 1024 - 1, "10.0 KiB"), (50 * 1024 * 1024, "50.0 MiB"), (1 << 30, "1.0 GiB"),
            (3 << 29, "1.5 GiB"), (1 << 40, "1.0 TiB"), (5 << 40, "5.0 TiB"),
        ] as [(Int, String)])
    func describe(bytes: Int, expected: String) {
        #expect(ByteCount.describe(bytes) == expected)
    }

    @Test("beyond TiB the count stays in TiB")
    func largestUnit() {
        #expect(ByteCount.describe(1 << 50) == "1024.0 TiB")
    }

    @Test("a count that rounds up to 1024 of a unit is described in the next unit")
    func roundingCarriesIntoNextUnit() {
        #expect(ByteCount.describe(1024 * 1024 - 1) == "1.0 MiB")
        #expect(ByteCount.describe(1024 * 1024 * 1024 - 1) == "1.0 GiB")
    }
}
