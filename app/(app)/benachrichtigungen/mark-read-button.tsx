"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { markReadAction } from "./actions";

/**
 * The form has no name of its own: named, each of these forms would be a landmark, and a list of them would
 * hold many landmarks of the same name. `accessibleName` tells the buttons of the list apart.
 */
export function MarkReadButton({
  id,
  all,
  label,
  accessibleName,
}: {
  id?: string;
  all?: boolean;
  label: string;
  accessibleName?: string;
}) {
  return (
    <ActionForm action={markReadAction}>
      {({ pending }) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          {all ? <input type="hidden" name="all" value="true" /> : null}
          <Button type="submit" variant="secondary" disabled={pending} aria-label={accessibleName} className="text-sm">
            {label}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
