import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Db } from "@/db/connect";
import type { Message, MessageKey } from "@/i18n/message";
import { requireActorOrThrow, type Actor } from "@/lib/auth/actor";
import { failureOf, type ActionResult } from "./action-result";
import { requestTranslator } from "./request-translator";

/** A path to revalidate after success; a layout path revalidates every page below it. */
type Revalidation = string | { layout: string };

type Spec<Raw, Input, Data, Who> = {
  /** Form data (or the client's plain object) → the plain object the service parses. Never parsed here. */
  input: (raw: Raw) => Input;
  /** The service call; `actor` is the signed-in user, re-read from the database. */
  run: (context: { db: Db; actor: Who }, input: NoInfer<Input>) => Promise<Data>;
  /** The sentence on success, rendered in the reader's language. */
  success?: MessageKey | Message | ((data: NoInfer<Data>, input: NoInfer<Input>) => MessageKey | Message);
  /** What to revalidate after success. */
  revalidate?: (input: NoInfer<Input>, data: NoInfer<Data>) => Revalidation[];
  /** Where to go after success; undefined stays on the page. */
  redirect?: (data: NoInfer<Data>, input: NoInfer<Input>) => string | undefined;
};

export type FormAction<Raw, Data> = (previous: unknown, raw: Raw) => Promise<ActionResult<Data>>;

/**
 * Every server action in one shape: authenticate, map the form to a plain object, call the service (which
 * parses and decides), revalidate, redirect, and answer `{ ok, message, fieldErrors }` in the reader's language.
 * A failure of any step is answered like the service's own refusals (`failureOf`); nothing reaches the form as
 * an exception.
 */
export function defineAction<Raw = FormData, Input = Record<string, unknown>, Data = void>(
  spec: Spec<Raw, Input, Data, Actor>,
): FormAction<Raw, Data> {
  return run(spec, requireActorOrThrow);
}

/** The same for the few actions without a session (the one-time link: its token is the credential). */
export function definePublicAction<Raw = FormData, Input = Record<string, unknown>, Data = void>(
  spec: Spec<Raw, Input, Data, null>,
): FormAction<Raw, Data> {
  return run(spec, async () => null);
}

function run<Raw, Input, Data, Who>(
  spec: Spec<Raw, Input, Data, Who>,
  authenticate: () => Promise<Who>,
): FormAction<Raw, Data> {
  return async (_previous, raw) => {
    let outcome: { data: Data; input: Input };
    try {
      const actor = await authenticate();
      const input = spec.input(raw);
      outcome = { data: await spec.run({ db: await getDb(), actor }, input), input };
    } catch (error) {
      return { ok: false, ...(await failureOf(error)) };
    }
    const { data, input } = outcome;
    for (const target of spec.revalidate?.(input, data) ?? [])
      if (typeof target === "string") revalidatePath(target);
      else revalidatePath(target.layout, "layout");
    const to = spec.redirect?.(data, input);
    if (to) redirect(to);
    const success = typeof spec.success === "function" ? spec.success(data, input) : spec.success;
    if (success === undefined) return { ok: true, data };
    const { text } = await requestTranslator();
    return { ok: true, data, message: text(typeof success === "string" ? { key: success } : success) };
  };
}

/** One form field as a string, or undefined when missing or a file. */
export function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A repeated form field's strings, in document order. */
export function fields(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string");
}
