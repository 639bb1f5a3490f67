public import Basics

extension ObjectShape {
    /// A JSON Schema (draft 2020-12) for recipes, generated from the language's shapes.
    ///
    /// A recipe that `extends` another may leave out anything its base provides, so such a
    /// recipe is checked against a variant of the schema in which nothing is required.
    public func jsonSchema() -> JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://frontier.dev/schemas/recipe-1.schema.json",
            "title": "frontier recipe",
            "description": .string(description),
            "if": ["required": ["extends"]],
            "then": ["$ref": "#/$defs/partial"],
            "else": ["$ref": "#/$defs/recipe"],
            "$defs": [
                "recipe": JSONSchemaWriter(partial: false).schema(.object(self)),
                "partial": JSONSchemaWriter(partial: true).schema(.object(self)),
            ],
        ]
    }
}

private struct JSONSchemaWriter {
    let partial: Bool

    func schema(_ shape: Shape) -> JSONValue {
        switch shape {
        case .string: return ["type": "string"]
        case .reference(let kind):
            return [
                "type": "string",
                "description": .string("The name of a declared \(kind.rawValue)."),
            ]
        case .integer(let range):
            return [
                "type": "integer", "minimum": .integer(range.lowerBound),
                "maximum": .integer(range.upperBound),
            ]
        case .number(let range):
            return [
                "type": "number", "minimum": .number(range.lowerBound),
                "maximum": .number(range.upperBound),
            ]
        case .boolean: return ["type": "boolean"]
        case .duration:
            return ["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$"]
        case .size:
            return [
                "type": "string",
                "pattern": "^[0-9]+(\\.[0-9]+)? ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
            ]
        case .percentage:
            return ["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)? ?%$"]
        case .solves:
            return [
                "anyOf": [
                    ["type": "integer", "minimum": 0],
                    ["type": "string", "pattern": "^ *(>=|<=|==|=|>|<)? *[0-9]+ *$"],
                ]
            ]
        case .choice(let words):
            return ["type": "string", "enum": .array(words.map { .string($0) })]
        case .object(let object):
            return objectSchema(object)
        case .map(let value, let description):
            return [
                "type": "object", "additionalProperties": schema(value),
                "propertyNames": ["description": .string(description)],
            ]
        case .list(let element, let minCount):
            return [
                "type": "array", "items": schema(element),
                "minItems": .integer(partial ? 0 : minCount),
            ]
        case .scalarOrObject(let scalar, let object):
            return ["anyOf": [schema(scalar), objectSchema(object)]]
        }
    }

    private func objectSchema(_ object: ObjectShape) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in object.fields {
            var property = schema(field.shape).objectMembers
            property["description"] = .string(field.description)
            if let value = field.defaultValue { property["default"] = value }
            properties[field.name] = .object(property)
        }
        var result: [String: JSONValue] = [
            "type": "object", "description": .string(object.description),
            "properties": .object(properties),
            "additionalProperties": object.additional.map(schema) ?? false,
        ]
        let required = object.fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !partial && !required.isEmpty { result["required"] = .array(required) }
        if !object.exactlyOneOf.isEmpty {
            let groups = object.exactlyOneOf.map { group -> JSONValue in
                ["oneOf": .array(group.map { ["required": [.string($0)]] })]
            }
            if partial {
                // A partial recipe may leave the choice to its base, but not make both.
                result["not"] = [
                    "anyOf": .array(
                        object.exactlyOneOf.map { ["required": .array($0.map { .string($0) })] })
                ]
            } else if groups.count == 1 {
                result["oneOf"] = groups[0]["oneOf"]
            } else {
                result["allOf"] = .array(groups)
            }
        }
        return .object(result)
    }
}

extension JSONValue {
    var objectMembers: [String: JSONValue] {
        if case .object(let members) = self { members } else { [:] }
    }
}
