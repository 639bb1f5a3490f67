internal import Foundation

/// A `POST /v1/embeddings` request.
public struct EmbeddingsRequest: Sendable, Hashable, Codable {
    public var model: String
    /// The texts to embed; read from a string or an array, written as an array.
    public var input: [String]
    /// `float` (the default) or `base64`.
    public var encodingFormat: String?
    /// Requested vector length, for models that can shorten their vectors.
    public var dimensions: Int?

    public init(
        model: String, input: [String], encodingFormat: String? = nil, dimensions: Int? = nil
    ) {
        self.model = model
        self.input = input
        self.encodingFormat = encodingFormat
        self.dimensions = dimensions
    }

    enum CodingKeys: String, CodingKey {
        case model, input, dimensions
        case encodingFormat = "encoding_format"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        if let one = try? container.decode(String.self, forKey: .input) {
            input = [one]
        } else {
            input = try container.decode([String].self, forKey: .input)
        }
        encodingFormat = try container.decodeIfPresent(String.self, forKey: .encodingFormat)
        dimensions = try container.decodeIfPresent(Int.self, forKey: .dimensions)
    }
}

/// The response to an embeddings request: one vector per input.
public struct EmbeddingsResponse: Sendable, Hashable, Codable {
    /// One input's vector.
    public struct Embedding: Sendable, Hashable, Codable {
        /// Always `embedding`.
        public var object: String
        /// The position of the input this vector belongs to.
        public var index: Int
        public var embedding: [Float]

        public init(index: Int, embedding: [Float]) {
            self.object = "embedding"
            self.index = index
            self.embedding = embedding
        }

        enum CodingKeys: String, CodingKey { case object, index, embedding }

        /// Reads a float array, or the `base64` form (little-endian 32-bit floats).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            object = try container.decodeIfPresent(String.self, forKey: .object) ?? "embedding"
            index = try container.decodeIfPresent(Int.self, forKey: .index) ?? 0
            if let floats = try? container.decode([Float].self, forKey: .embedding) {
                embedding = floats
            } else {
                let text = try container.decode(String.self, forKey: .embedding)
                guard let data = Data(base64Encoded: text), data.count % 4 == 0 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .embedding, in: container,
                        debugDescription: "the embedding is neither floats nor base64 floats")
                }
                let bytes = [UInt8](data)
                embedding = stride(from: 0, to: bytes.count, by: 4).map { offset in
                    var bits = UInt32(bytes[offset])
                    bits |= UInt32(bytes[offset + 1]) << 8
                    bits |= UInt32(bytes[offset + 2]) << 16
                    bits |= UInt32(bytes[offset + 3]) << 24
                    return Float(bitPattern: bits)
                }
            }
        }
    }

    /// Tokens read.
    public struct Usage: Sendable, Hashable, Codable {
        public var promptTokens: Int
        public var totalTokens: Int

        public init(promptTokens: Int) {
            self.promptTokens = promptTokens
            self.totalTokens = promptTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case totalTokens = "total_tokens"
        }
    }

    /// Always `list`.
    public var object: String
    public var data: [Embedding]
    public var model: String
    public var usage: Usage?

    public init(data: [Embedding], model: String, usage: Usage?) {
        self.object = "list"
        self.data = data
        self.model = model
        self.usage = usage
    }

    enum CodingKeys: String, CodingKey { case object, data, model, usage }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        object = try container.decodeIfPresent(String.self, forKey: .object) ?? "list"
        data = try container.decode([Embedding].self, forKey: .data)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        usage = try container.decodeIfPresent(Usage.self, forKey: .usage)
    }
}
