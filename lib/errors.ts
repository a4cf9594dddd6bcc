import { formatMessage, type AppErrorKey, type Message, type MessageKey, type MessageParams } from "@/i18n/message";

export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "SECTION_STALE"
  | "CONCEPT_FROZEN"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  SECTION_STALE: 409,
  CONCEPT_FROZEN: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** A field's message: a catalogue key, or a key with values. */
export type FieldMessage = MessageKey | Message;

/**
 * A failure the user can be told about, as catalogue keys: the boundary (actions, route handlers) renders it in
 * the reader's language. `message` and `fieldErrors` are the German rendering, for logs, the command line and tests.
 */
export class AppError extends Error {
  readonly fieldMessages: Record<string, Message>;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: AppErrorKey,
    readonly params: MessageParams = {},
    fieldErrors: Record<string, FieldMessage> = {},
  ) {
    super(formatMessage({ key: messageKey, params }));
    this.name = "AppError";
    this.fieldMessages = Object.fromEntries(
      Object.entries(fieldErrors).map(([field, m]) => [field, typeof m === "string" ? { key: m } : m]),
    );
  }
  get status(): number {
    return STATUS[this.code];
  }
  get fieldErrors(): Record<string, string> {
    return this.translate().fieldErrors;
  }
  /** The message and field messages in the reader's language. */
  translate(locale?: string): { message: string; fieldErrors: Record<string, string> } {
    return {
      message: formatMessage({ key: this.messageKey, params: this.params }, locale),
      fieldErrors: Object.fromEntries(
        Object.entries(this.fieldMessages).map(([field, m]) => [field, formatMessage(m, locale)]),
      ),
    };
  }
}

/** Unknown and foreign ids answer the same, so existence is never revealed. */
export function notFound(): AppError {
  return new AppError("NOT_FOUND", "appError.common.notFound");
}

export function forbidden(messageKey: AppErrorKey = "appError.common.forbidden", params?: MessageParams): AppError {
  return new AppError("FORBIDDEN", messageKey, params);
}

/** A VALIDATION refusal whose message is also the named field's message. */
export function fieldError(field: string, messageKey: AppErrorKey, params: MessageParams = {}): AppError {
  return new AppError("VALIDATION", messageKey, params, { [field]: { key: messageKey, params } });
}
