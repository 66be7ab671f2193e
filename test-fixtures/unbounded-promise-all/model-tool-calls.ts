// The tool calls of one model response are the few the model asked for in that turn, meant to run together.
// The messages of a conversation grow with it.
interface ToolCall {
  id: string;
  function: { name: string; arguments: string };
}
interface ChatMessage {
  role: 'assistant' | 'user';
  content: string;
  tool_calls?: ToolCall[];
}

declare function executeTool(name: string, args: unknown): Promise<unknown>;
declare function moderate(text: string): Promise<boolean>;

export async function runTools(message: ChatMessage) {
  const toolCallsInResponse = message.tool_calls ?? [];
  return Promise.all(toolCallsInResponse.map((call) => executeTool(call.function.name, JSON.parse(call.function.arguments))));
}

export async function moderateAll(messages: ChatMessage[]) {
  return Promise.all(messages.map((message) => moderate(message.content)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
