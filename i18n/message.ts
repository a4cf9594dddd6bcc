import { createTranslator } from "use-intl/core";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalogue, e.g. "appError.common.notFound". */
export type MessageKey = Leaves<typeof de>;
/** A refusal's message: the keys under appError (what AppError accepts). */
export type AppErrorKey = Extract<MessageKey, `appError.${string}`>;

/**
 * Values for a message's placeholders. A nested message is rendered first; a list is rendered and joined with
 * a fixed separator, or as the language writes "a, b or c" / "a, b and c".
 */
type MessageList = { items: (Message | string)[]; join: "; " | " " | ", " | "or" | "and" };
type MessageParam = string | number | Date | Message | MessageList;
export type MessageParams = Record<string, MessageParam>;
/** A sentence for a person, as a catalogue key with its values; rendered in the reader's language. */
export type Message = { key: MessageKey; params?: MessageParams };

const CATALOGUES = { de, en } as const;
const KEY_SHAPE = /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/;

function lookup(catalogue: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/**
 * A sentence in a catalogue, as read here: a string from the JSON files, or — in the app's build, which compiles
 * the files (decision 0021) — its compiled form, a string or an array. A namespace is a plain object.
 */
export function isMessageLeaf(node: unknown): boolean {
  return typeof node === "string" || Array.isArray(node);
}

/** True for a key that names a sentence in every given catalogue (never for a sentence itself). */
export function isMessageKeyIn(catalogues: readonly object[], value: unknown): boolean {
  return (
    typeof value === "string" &&
    KEY_SHAPE.test(value) &&
    catalogues.every((catalogue) => isMessageLeaf(lookup(catalogue, value)))
  );
}

/** True for a key that names a sentence in both catalogues (never for a sentence itself). */
export function isMessageKey(value: unknown): value is MessageKey {
  return isMessageKeyIn([de, en], value);
}

/** The message in the given language; outside a request (logs, command line, tests) German. */
export function formatMessage(message: Message, locale: string = DEFAULT_LOCALE): string {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: l, messages: CATALOGUES[l], timeZone: "Europe/Berlin" });
  const render = (m: Message): string => {
    const values: Record<string, string | number | Date> = {};
    for (const [name, value] of Object.entries(m.params ?? {})) {
      if (typeof value === "object" && value !== null && "key" in value) values[name] = render(value);
      else if (typeof value === "object" && value !== null && "items" in value) {
        const items = value.items.map((item) => (typeof item === "string" ? item : render(item)));
        values[name] =
          value.join === "or" || value.join === "and"
            ? new Intl.ListFormat(l, { type: value.join === "or" ? "disjunction" : "conjunction" }).format(items)
            : items.join(value.join);
      } else values[name] = value;
    }
    return (t as unknown as (key: string, values: object) => string)(m.key, values);
  };
  return render(message);
}
