/**
 * Microsoft 365 Agents Playground (0.2.28) driven through the HTTP and WebSocket API its own web UI
 * uses (read from its client bundle, `dist/client/static/js/main.*.js`): what a person does in the
 * browser, without a browser.
 */

/** What the Playground streams to its UI when the bot posts or edits (its `createMessage` etc. frames). */
export interface PlaygroundFrame {
  action?: string;
  /** For a channel post: `<channel id>;messageid=<id>`, the thread. */
  actionConversationId?: string;
  message?: {
    messageId?: string;
    /** A new channel post's own thread, where its buttons' invokes are sent. */
    postConversationId?: string;
    attachments?: { contentType?: string; content?: Record<string, unknown> }[];
    text?: string;
  };
}

export interface PlaygroundClient {
  frames: PlaygroundFrame[];
  /** `@<bot> <text>` posted in a conversation, the bot picked from the mention list. */
  mentionBot(conversationId: string, text: string): Promise<Response>;
  /** A click on an Adaptive Card `Action.Execute` button (`adaptiveCard/action` invoke). */
  clickAction(frame: PlaygroundFrame, action: Record<string, unknown>): Promise<Response>;
  close(): void;
}

interface Config {
  config: { bot: { id: string; name: string }; currentUser: { id: string } };
}

export async function connectPlayground(url: string): Promise<PlaygroundClient> {
  // Loading the config is what makes the Playground wait for the bot (a HEAD on /api/messages).
  const { config } = (await (await fetch(`${url}/_internal/v1/config`)).json()) as Config;
  const frames: PlaygroundFrame[] = [];
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  socket.addEventListener('message', (event) => {
    frames.push(JSON.parse(String(event.data)) as PlaygroundFrame);
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('no WebSocket to the Playground')), {
      once: true,
    });
  });
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const at = `<at>${config.bot.name}</at>`;
  return {
    frames,
    mentionBot: (conversationId, text) =>
      post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        type: 'text',
        text: `${at} ${text}`,
        textFormat: 'plain',
        from: { id: config.currentUser.id },
        // Without the mention the Playground does not pass a channel message to the bot, as Teams.
        mentions: [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: at }],
      }),
    clickAction: (frame, action) =>
      post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action, trigger: 'manual' },
        from: { id: config.currentUser.id },
        conversation: { id: frame.message?.postConversationId ?? frame.actionConversationId },
        replyToId: frame.message?.messageId,
      }),
    close: () => socket.close(),
  };
}
