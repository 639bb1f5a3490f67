/// The response to `GET /v1/models`: the models an endpoint serves.
public struct ModelList: Sendable, Hashable, Codable {
    /// One served model.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        /// Always `model`.
        public var object: String
        public var created: Int?
        public var ownedBy: String?

        public init(id: String, created: Int? = nil, ownedBy: String? = nil) {
            self.id = id
            self.object = "model"
            self.created = created
            self.ownedBy = ownedBy
        }

        enum CodingKeys: String, CodingKey {
            case id, object, created
            case ownedBy = "owned_by"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            object = try container.decodeIfPresent(String.self, forKey: .object) ?? "model"
            created = try container.decodeIfPresent(Int.self, forKey: .created)
            ownedBy = try container.decodeIfPresent(String.self, forKey: .ownedBy)
        }
    }

    /// Always `list`.
    public var object: String
    public var data: [Entry]

    public init(data: [Entry]) {
        self.object = "list"
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case object, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        object = try container.decodeIfPresent(String.self, forKey: .object) ?? "list"
        data = try container.decode([Entry].self, forKey: .data)
    }
}
