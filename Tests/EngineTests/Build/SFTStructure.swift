import Basics
import Foundation

/// The structural check of an `sft` record in OpenAI chat fine-tuning form: what trainers
/// (TRL, LLaMA-Factory, Axolotl) need to accept it. Returns the problems found.
enum SFTStructure {
    static func problems(_ record: JSONValue) -> [String] {
        var problems: [String] = []
        guard case .array(let messages)? = record["messages"], !messages.isEmpty else {
            return ["no messages"]
        }
        var index = 0
        if messages[index]["role"]?.stringValue == "system" { index += 1 }
        guard index < messages.count, messages[index]["role"]?.stringValue == "user" else {
            return ["the conversation does not open with a user message"]
        }
        index += 1
        var toolNames: Set<String> = []
        if case .array(let tools)? = record["tools"] {
            for tool in tools {
                if let name = tool["function"]?["name"]?.stringValue { toolNames.insert(name) }
            }
        }
        while index < messages.count {
            let message = messages[index]
            let role = message["role"]?.stringValue ?? ""
            switch role {
            case "assistant":
                guard case .array(let calls)? = message["tool_calls"], !calls.isEmpty else {
                    if index != messages.count - 1 {
                        // A plain assistant turn must be followed by a user turn.
                        if messages[index + 1]["role"]?.stringValue != "user" {
                            problems.append("assistant answer at \(index) is not the last message")
                        }
                    }
                    index += 1
                    continue
                }
                var pending: [String] = []
                for call in calls {
                    guard let id = call["id"]?.stringValue, !id.isEmpty else {
                        problems.append("a tool call at \(index) has no id")
                        continue
                    }
                    if pending.contains(id) { problems.append("tool call id \(id) repeats") }
                    pending.append(id)
                    let name = call["function"]?["name"]?.stringValue ?? ""
                    if !toolNames.contains(name) {
                        problems.append("tool '\(name)' is not in the record's tools")
                    }
                    let arguments = call["function"]?["arguments"]?.stringValue ?? ""
                    let parsed = try? JSONDecoder().decode(
                        JSONValue.self, from: Data(arguments.utf8))
                    if case .object? = parsed {
                    } else {
                        problems.append("arguments of \(id) are not a JSON object: \(arguments)")
                    }
                }
                index += 1
                while index < messages.count, messages[index]["role"]?.stringValue == "tool" {
                    let id = messages[index]["tool_call_id"]?.stringValue ?? ""
                    if let position = pending.firstIndex(of: id) {
                        pending.remove(at: position)
                    } else {
                        problems.append("tool message at \(index) answers no open call (\(id))")
                    }
                    if messages[index]["content"]?.stringValue == nil {
                        problems.append("tool message at \(index) has no content")
                    }
                    index += 1
                }
                if !pending.isEmpty { problems.append("calls never answered: \(pending)") }
            case "user":
                if index > 0, messages[index - 1]["role"]?.stringValue == "user" {
                    problems.append("two user messages in a row at \(index)")
                }
                index += 1
            default:
                problems.append("unexpected role '\(role)' at \(index)")
                index += 1
            }
        }
        let last = messages[messages.count - 1]
        if last["role"]?.stringValue != "assistant" || last["tool_calls"] != nil
            || (last["content"]?.stringValue ?? "").isEmpty
        {
            problems.append("the last message is not an assistant answer")
        }
        return problems + fieldProblems(record)
    }

    /// The fields every record of every output carries.
    static func fieldProblems(_ record: JSONValue) -> [String] {
        var problems: [String] = []
        if (record["id"]?.stringValue ?? "").isEmpty { problems.append("no id") }
        if (record["discipline"]?.stringValue ?? "").isEmpty { problems.append("no discipline") }
        if case .integer? = record["rounds"] {} else { problems.append("no rounds") }
        if case .object? = record["verdicts"] {} else { problems.append("no verdicts") }
        let provenance = record["provenance"]
        if provenance?["recipe"]?.stringValue?.count != 64 {
            problems.append("no recipe digest in provenance")
        }
        if case .array? = provenance?["calls"] {} else { problems.append("no call keys") }
        return problems
    }
}
