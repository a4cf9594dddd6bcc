/**
 * One-time sign-in links are secrets: once a mail has been delivered its stored copy keeps no usable token,
 * so the outbox table never holds a working link for longer than needed.
 */
export const ONE_TIME_LINK_PATH = "/zugang/";

export function redactOneTimeLinks(text: string): string {
  return text.replace(/\/zugang\/[A-Za-z0-9_-]{16,}/g, `${ONE_TIME_LINK_PATH}[entfernt]`);
}
