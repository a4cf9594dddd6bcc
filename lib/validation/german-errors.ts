import { z } from "zod";

/**
 * German messages for every check a schema does not name a message for. Form fields name their own messages;
 * what remains are hidden fields (ids, kinds, roles) that only a hand-edited form or a script gets wrong, so the
 * answer says that the form is out of date rather than explaining zod's types. Everything else falls back to
 * zod's German locale. Installed once per process by importing this module (parseOrThrow does).
 */
export const TAMPERED_FIELD_MESSAGE = "Ungültige Angabe. Bitte laden Sie die Seite neu und versuchen Sie es erneut.";

export function germanIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "Diese Angabe fehlt. Bitte laden Sie die Seite neu." : TAMPERED_FIELD_MESSAGE;
    case "invalid_format":
      if (issue.format === "uuid" || issue.format === "guid") return TAMPERED_FIELD_MESSAGE;
      if (issue.format === "date") return "Bitte ein Datum im Format JJJJ-MM-TT angeben.";
      if (issue.format === "email") return "Bitte eine gültige E-Mail-Adresse angeben.";
      return "Die Angabe hat nicht das erwartete Format.";
    case "invalid_value":
    case "invalid_union":
      return "Ungültige Auswahl. Bitte laden Sie die Seite neu und versuchen Sie es erneut.";
    case "unrecognized_keys":
      return "Die Anfrage enthält unerwartete Angaben.";
    case "too_big":
      return issue.origin === "string"
        ? `Bitte höchstens ${String(issue.maximum)} Zeichen.`
        : "Die Angabe ist zu groß oder zu lang.";
    case "too_small":
      return issue.origin === "string"
        ? `Bitte mindestens ${String(issue.minimum)} Zeichen.`
        : "Die Angabe ist zu klein oder zu kurz.";
    case "not_multiple_of":
      return "Die Zahl ist nicht zulässig.";
    default:
      return undefined;
  }
}

z.config(z.locales.de());
z.config({ customError: germanIssueMessage });
