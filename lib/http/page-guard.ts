import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** For server components: a typed NOT_FOUND from a service becomes the app's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
