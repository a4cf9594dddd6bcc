/** Room for 512 KB of content plus JSON escaping and the envelope; the services enforce the 512 KB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
