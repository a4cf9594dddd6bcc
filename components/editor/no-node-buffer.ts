/**
 * Stands in for Node's `buffer` in the browser build. Yjs's lib0 names `Buffer` only on its Node path
 * (`env.isBrowser ? … : Buffer.from(…)`), which a browser never takes; without this the bundler would ship
 * a 22 KB Buffer polyfill with the editor for it.
 */
export const Buffer = undefined;
