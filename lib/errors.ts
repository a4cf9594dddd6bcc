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

/** A failure the user can be told about; message is German and safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** Unknown and foreign ids answer the same, so existence is never revealed. */
export function notFound(): AppError {
  return new AppError("NOT_FOUND", "Nicht gefunden oder kein Zugriff.");
}

export function forbidden(message = "Dafür fehlt Ihnen die Berechtigung."): AppError {
  return new AppError("FORBIDDEN", message);
}
