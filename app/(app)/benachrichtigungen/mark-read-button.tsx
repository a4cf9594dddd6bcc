"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { markReadAction } from "./actions";

export function MarkReadButton({ id, all, label }: { id?: string; all?: boolean; label: string }) {
  return (
    <ActionForm action={markReadAction} label={label}>
      {({ pending }) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          {all ? <input type="hidden" name="all" value="true" /> : null}
          <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1 text-sm">
            {label}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
