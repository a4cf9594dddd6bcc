"use client";

/** The one form helper lives in components/forms; this path stays for existing imports. */
export { ActionForm, FieldError, type FormAction } from "@/components/forms/action-form";
