"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Links sent before the discussion was paged (e-mails, older notifications) end in `#thread-<id>` only, which
 * finds nothing when that thread is on a later page: ask the server for the page that holds it instead.
 */
export function LegacyThreadLink() {
  const router = useRouter();
  useEffect(() => {
    const id = /^#thread-([0-9a-f-]{36})$/i.exec(window.location.hash)?.[1];
    const url = new URL(window.location.href);
    if (
      !id ||
      document.getElementById(`thread-${id}`) ||
      url.searchParams.has("thread") ||
      url.searchParams.has("seite")
    )
      return;
    url.searchParams.set("thread", id);
    router.replace(`${url.pathname}${url.search}${url.hash}`);
  }, [router]);
  return null;
}
