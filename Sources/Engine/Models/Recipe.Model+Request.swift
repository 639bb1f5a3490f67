internal import Basics
public import LanguageModels
public import Recipes

extension Recipe.Model {
    /// A request to this model with its sampling settings from the recipe.
    public func request(
        _ messages: [ChatMessage], sampleIndex: Int? = nil, tools: [ToolDefinition]? = nil,
        responseFormat: ResponseFormat? = nil
    ) -> ChatRequest {
        ChatRequest(
            model: model.value, messages: messages, tools: tools,
            toolChoice: tools == nil ? nil : .auto, responseFormat: responseFormat, seed: seed,
            stop: stop, maxTokens: maxTokens, temperature: temperature, topP: topP,
            sampleIndex: sampleIndex)
    }
}
