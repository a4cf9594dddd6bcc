/** Shared with forms in the browser; the server enforces the same through ZNewPassword. */
export const MIN_PASSWORD_LENGTH_CLIENT = 12;
