import "server-only";
import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";

const REQUESTS = "konzeptwerk:live:requests";
const ACKS = "konzeptwerk:live:acks";
/** How long a freeze waits for the other processes to store and hold; a process that does not answer is dead. */
export const PEER_ANSWER_TIMEOUT_MS = 3000;

type Request = { id: string; kind: "hold" | "refresh"; conceptId: string };

/** What each process does when asked (collab-server.ts). */
export type PeerHandlers = {
  /** Stop taking changes on the concept's open sections and store what they hold now. */
  hold(conceptId: string): Promise<void>;
  /** Re-check the rights of everyone connected to the concept and tell them the sections' revision numbers. */
  refresh(conceptId: string): Promise<void>;
};

export type LivePeers = {
  /** Asks every process (this one included) to hold and store; resolves once all answered or the time is up. */
  holdEverywhere(conceptId: string): Promise<{ asked: number; answered: number }>;
  refreshEverywhere(conceptId: string): void;
  close(): Promise<void>;
};

/**
 * The live-editing processes talking to each other over Redis pub/sub (beside the document sync of
 * @hocuspocus/extension-redis): a freeze in one process must contain what the others acknowledged, so it asks them
 * all to hold and store first and waits for their answers. PUBLISH returns how many processes listen, which is how
 * many answers to wait for.
 */
export function connectLivePeers(options: RedisOptions, handlers: PeerHandlers): LivePeers {
  const pub = new Redis(options);
  const sub = new Redis(options);
  const waiting = new Map<string, () => void>();
  const ready = sub.subscribe(REQUESTS, ACKS);
  sub.on("message", (channel: string, raw: string) => {
    let message: Request;
    try {
      message = JSON.parse(raw) as Request;
    } catch {
      return;
    }
    if (channel === ACKS) {
      waiting.get(message.id)?.();
    } else if (message.kind === "hold") {
      handlers
        .hold(message.conceptId)
        .then(() => pub.publish(ACKS, JSON.stringify({ id: message.id })))
        .catch((error) => console.error("Konzeptwerk: Live-Texte vor dem Einfrieren speichern", error));
    } else if (message.kind === "refresh") {
      handlers
        .refresh(message.conceptId)
        .catch((error) => console.error("Konzeptwerk: Rechteprüfung nach Statuswechsel", error));
    }
  });

  return {
    async holdEverywhere(conceptId) {
      await ready;
      const id = randomUUID();
      let asked = Number.POSITIVE_INFINITY;
      let answered = 0;
      let allAnswered = () => {};
      const done = new Promise<void>((resolve) => (allAnswered = resolve));
      waiting.set(id, () => {
        if (++answered >= asked) allAnswered();
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        asked = await pub.publish(REQUESTS, JSON.stringify({ id, kind: "hold", conceptId } satisfies Request));
        if (answered >= asked) allAnswered();
        await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, PEER_ANSWER_TIMEOUT_MS)))]);
      } finally {
        clearTimeout(timer);
        waiting.delete(id);
      }
      if (answered < asked)
        console.error(
          `Konzeptwerk: ${asked - answered} von ${asked} Prozessen haben vor dem Einfrieren nicht geantwortet`,
        );
      return { asked, answered };
    },
    refreshEverywhere(conceptId) {
      void pub
        .publish(REQUESTS, JSON.stringify({ id: randomUUID(), kind: "refresh", conceptId } satisfies Request))
        .catch((error) => console.error("Konzeptwerk: Rechteprüfung nach Statuswechsel", error));
    },
    async close() {
      waiting.clear();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
